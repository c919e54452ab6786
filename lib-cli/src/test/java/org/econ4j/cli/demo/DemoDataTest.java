package org.econ4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.econ4j.panel.Panel;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  @Test
  void copatentPanelHasTheDocumentedShape() {
    Panel p = DemoData.copatents();
    assertThat(p.rows()).isEqualTo(60 * 20);
    assertThat(p.index()).isPresent();
    assertThat(p.index().orElseThrow().unitCount()).isEqualTo(60);
    assertThat(p.columnNames())
        .contains(
            "iso3",
            "region",
            "year",
            "copat",
            "pat_cn",
            "pat_partner",
            "ipc_A",
            "ipc_H",
            "tech_prox",
            "gdp",
            "gdp_diff",
            "pop",
            "dist_km",
            "lang",
            "contig",
            "policy_year",
            "treated");
    double zeros = 0;
    for (double v : p.numeric("copat")) {
      assertThat(v).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(v));
      if (v == 0) {
        zeros++;
      }
    }
    assertThat(zeros).as("count outcome with zeros").isGreaterThan(0);
    for (double v : p.numeric("tech_prox")) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @Test
  void generatorIsDeterministic() {
    assertThat(DemoData.copatents().numeric("copat"))
        .containsExactly(DemoData.copatents().numeric("copat"));
    assertThat(DemoData.regions().numeric("nano_pat"))
        .containsExactly(DemoData.regions().numeric("nano_pat"));
    assertThat(DemoData.copublications().numeric("copubs"))
        .containsExactly(DemoData.copublications().numeric("copubs"));
  }

  @Test
  void regionalPanelAndNetworkAreConsistent() {
    Panel r = DemoData.regions();
    assertThat(r.rows()).isEqualTo(30 * 15);
    Panel net = DemoData.copublications();
    assertThat(net.rows()).isGreaterThan(100);
    java.util.Set<String> regions = new java.util.HashSet<>(r.categorical("region").levels());
    assertThat(regions).containsAll(net.categorical("from").levels());
    assertThat(regions).containsAll(net.categorical("to").levels());
  }

  @Test
  void haversineMatchesKnownDistance() {
    // Beijing to Shanghai is about 1,070 km
    assertThat(DemoData.haversineKm(39.9, 116.4, 31.2, 121.5)).isBetween(1050.0, 1090.0);
  }
}
