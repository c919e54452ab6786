package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class VcovTest {
  @Test
  void parsesEveryForm() {
    assertThat(Vcov.parse("iid")).isEqualTo(Vcov.iid());
    assertThat(Vcov.parse(" HETERO ")).isEqualTo(Vcov.hetero());
    assertThat(Vcov.parse("hc1")).isEqualTo(Vcov.hetero());
    assertThat(Vcov.parse("hc0")).isEqualTo(Vcov.hc0());
    assertThat(Vcov.parse("hc2")).isEqualTo(Vcov.hc2());
    assertThat(Vcov.parse("hc3")).isEqualTo(Vcov.hc3());
    assertThat(Vcov.parse("cluster:Origin")).isEqualTo(Vcov.cluster("Origin"));
    assertThat(Vcov.parse("cluster: Origin + Destination"))
        .isEqualTo(new Vcov.Cluster(List.of("Origin", "Destination")));
    assertThat(Vcov.parse("nw:2")).isEqualTo(Vcov.neweyWest(2));
    assertThat(Vcov.parse("dk:0")).isEqualTo(Vcov.driscollKraay(0));
  }

  @Test
  void specRoundTripsAndLabels() {
    for (Vcov v :
        List.of(
            Vcov.iid(),
            Vcov.hetero(),
            Vcov.hc0(),
            Vcov.hc2(),
            Vcov.hc3(),
            Vcov.cluster("a", "b", "c"),
            Vcov.neweyWest(3),
            Vcov.driscollKraay(1))) {
      assertThat(Vcov.parse(v.spec())).isEqualTo(v);
    }
    assertThat(Vcov.hetero().label()).isEqualTo("Heteroskedasticity-robust");
    assertThat(Vcov.cluster("Origin").label()).isEqualTo("Clustered (Origin)");
    assertThat(Vcov.cluster("Origin", "Destination").label())
        .isEqualTo("Clustered (Origin & Destination)");
    assertThat(Vcov.iid().label()).isEqualTo("IID");
  }

  @Test
  void parseErrorsNameTheTokenAndListForms() {
    assertThatThrownBy(() -> Vcov.parse("hetro"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "unknown vcov 'hetro'; expected one of iid, hetero, hc0, hc1, hc2, hc3, cluster:a,"
                + " cluster:a+b, nw:L, dk:L");
    assertThatThrownBy(() -> Vcov.parse("twoway:a"))
        .hasMessage(
            "unknown vcov 'twoway:a'; expected one of iid, hetero, hc0, hc1, hc2, hc3, cluster:a,"
                + " cluster:a+b, nw:L, dk:L");
    assertThatThrownBy(() -> Vcov.parse("cluster:"))
        .hasMessage("vcov 'cluster:' names no cluster variable; expected cluster:a or cluster:a+b");
    assertThatThrownBy(() -> Vcov.parse("cluster:a++b"))
        .hasMessage(
            "vcov 'cluster:a++b' has an empty cluster variable; expected cluster:a or cluster:a+b");
    assertThatThrownBy(() -> Vcov.parse("cluster:a+b+c+d+e"))
        .hasMessage(
            "cluster vcov has 5 cluster variables (a, b, c, d, e); at most 4 are supported");
    assertThatThrownBy(() -> Vcov.parse("cluster:a+a"))
        .hasMessage("cluster vcov repeats a cluster variable in 'a+a'; name each variable once");
    assertThatThrownBy(() -> Vcov.parse("nw:x"))
        .hasMessage(
            "lag 'x' in vcov 'nw:x' is not a non-negative integer; expected nw:L with L >= 0, e.g."
                + " nw:2");
    assertThatThrownBy(() -> Vcov.parse("dk:-1"))
        .hasMessage(
            "lag '-1' in vcov 'dk:-1' is not a non-negative integer; expected dk:L with L >= 0,"
                + " e.g. dk:2");
    assertThatThrownBy(() -> Vcov.neweyWest(-2))
        .hasMessage("Newey-West lag -2 is negative; expected nw:L with L >= 0");
    assertThatThrownBy(() -> Vcov.driscollKraay(-2))
        .hasMessage("Driscoll-Kraay lag -2 is negative; expected dk:L with L >= 0");
    assertThatThrownBy(() -> Vcov.cluster())
        .hasMessage(
            "cluster vcov needs at least one cluster variable; expected cluster:a or cluster:a+b");
  }
}
