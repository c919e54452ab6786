package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.econ4j.panel.Panel;
import org.econ4j.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilloverCommandTest {

  /** Columbus as a two-year panel: year 2000 has CRIME, year 2001 has 2·CRIME. */
  static Path columbusPanel(Path dir) {
    double[] crime = ReferenceData.numeric(WeightsCommandTest.COLUMBUS, "CRIME");
    StringBuilder sb = new StringBuilder("region,year,crime\n");
    for (int y = 0; y < 2; y++) {
      for (int i = 0; i < crime.length; i++) {
        sb.append(i + 1).append(',').append(2000 + y).append(',');
        sb.append(crime[i] * (y + 1)).append('\n');
      }
    }
    return ReferenceData.write(dir, "panel.csv", sb.toString());
  }

  static double[][] denseRowStd() {
    List<String> lines = ReferenceData.lines("reference/spdep/spatial_columbus_W_gal_rowstd.csv");
    double[][] w = new double[49][];
    for (int i = 0; i < 49; i++) {
      String[] f = lines.get(i).split(",");
      w[i] = new double[49];
      for (int j = 0; j < 49; j++) {
        w[i][j] = Double.parseDouble(f[j]);
      }
    }
    return w;
  }

  @Test
  void staticWeightsMatchDenseSpdepProduct(@TempDir Path dir) throws Exception {
    Path data = columbusPanel(dir);
    Path out = dir.resolve("p2.csv");
    CliRun r =
        CliRun.of(
            "spillover",
            "--data",
            data.toString(),
            "--index",
            "region,year",
            "--weights",
            MoranCommandTest.gal(),
            "--standardize",
            "row",
            "--var",
            "crime",
            "--out",
            out.toString(),
            "--format",
            "json");
    assertThat(r.err).isEmpty();
    assertThat(r.code).isZero();
    Panel p = Panel.readCsv(out);
    double[] wc = p.numeric("W_crime");
    double[] crime = ReferenceData.numeric(WeightsCommandTest.COLUMBUS, "CRIME");
    double[][] w = denseRowStd();
    double[] region = p.numeric("region");
    double[] year = p.numeric("year");
    for (int r0 = 0; r0 < p.rows(); r0++) {
      int i = (int) region[r0] - 1;
      double f = year[r0] - 1999;
      double e = 0;
      for (int j = 0; j < 49; j++) {
        e += w[i][j] * crime[j] * f;
      }
      assertThat(wc[r0]).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-10));
    }
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.get("source").asText()).isEqualTo("weights");
    assertThat(j.get("rows").asInt()).isEqualTo(98);
    assertThat(j.get("lag").asInt()).isZero();
    assertThat(j.get("added").get(0).get("column").asText()).isEqualTo("W_crime");
    assertThat(j.get("added").get(0).get("variable").asText()).isEqualTo("crime");
    assertThat(j.get("added").get(0).get("missing").asInt()).isZero();
    assertThat(j.get("out").asText()).isEqualTo(out.toString());
    assertThat(j.get("notes").isArray()).isTrue();
  }

  @Test
  void lagAndPrefixOnStdout(@TempDir Path dir) throws Exception {
    Path data = columbusPanel(dir);
    CliRun r =
        CliRun.of(
            "spillover",
            "--data",
            data.toString(),
            "--index",
            "region,year",
            "--weights",
            MoranCommandTest.gal(),
            "--standardize",
            "row",
            "--var",
            "crime",
            "--lag",
            "1",
            "--prefix",
            "L1W_");
    assertThat(r.code).isZero();
    Panel p =
        Panel.readCsv(new java.io.StringReader(r.out), org.econ4j.panel.CsvOptions.defaults());
    double[] lw = p.numeric("L1W_crime");
    double[] year = p.numeric("year");
    double[] region = p.numeric("region");
    double[][] w = denseRowStd();
    double[] crime = ReferenceData.numeric(WeightsCommandTest.COLUMBUS, "CRIME");
    int nan = 0;
    for (int r0 = 0; r0 < p.rows(); r0++) {
      if (year[r0] == 2000) {
        assertThat(lw[r0]).isNaN();
        nan++;
      } else {
        int i = (int) region[r0] - 1;
        double e = 0;
        for (int j = 0; j < 49; j++) {
          e += w[i][j] * crime[j];
        }
        assertThat(lw[r0]).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-10));
      }
    }
    assertThat(nan).isEqualTo(49);
  }

  @Test
  void networkShares(@TempDir Path dir) throws Exception {
    Path data =
        ReferenceData.write(
            dir, "p.csv", "region,year,x\na,1,1\nb,1,2\nc,1,4\na,2,1\nb,2,2\nc,2,4\n");
    Path edges = ReferenceData.write(dir, "e.csv", "src,dst,yr,n\na,b,1,2\nb,c,1,1\na,c,2,3\n");
    Path out = dir.resolve("o.csv");
    CliRun r =
        CliRun.of(
            "spillover",
            "--data",
            data.toString(),
            "--index",
            "region,year",
            "--network",
            edges.toString(),
            "--network-cols",
            "src,dst,yr,n",
            "--normalize",
            "binary",
            "--var",
            "x",
            "--out",
            out.toString(),
            "--format",
            "json");
    assertThat(r.err).isEmpty();
    assertThat(r.code).isZero();
    Panel p = Panel.readCsv(out);
    // binary symmetric: year 1 a-b, b-c; year 2 a-c
    assertThat(p.numeric("W_x")).containsExactly(2, 5, 2, 4, 0, 1);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.get("source").asText()).isEqualTo("network");
    assertThat(j.get("normalization").asText()).isEqualTo("binary");
    assertThat(j.get("window").asInt()).isEqualTo(1);
    assertThat(j.get("directed").asBoolean()).isFalse();
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    String data = columbusPanel(dir).toString();
    String g = MoranCommandTest.gal();
    WeightsCommandTest.assertError(
        "econ4j: no weights given; use --weights W.csv (static) or --network edges.csv"
            + " (time-varying)",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime");
    WeightsCommandTest.assertError(
        "econ4j: options '--weights' and '--network' were both given; use one of them",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        g,
        "--network",
        g);
    WeightsCommandTest.assertError(
        "econ4j: spillover columns need the panel index; add --index unit,time",
        "spillover",
        "--data",
        data,
        "--var",
        "crime",
        "--weights",
        g);
    WeightsCommandTest.assertError(
        "econ4j: option '--lag' is -1; expected a lag >= 0",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        g,
        "--lag",
        "-1");
    WeightsCommandTest.assertError(
        "econ4j: option '--units' has the unknown value 'drop'; use error or ignore",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        g,
        "--units",
        "drop");
    WeightsCommandTest.assertError(
        "econ4j: option '--missing': unknown missing-value policy 'zero'",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        g,
        "--missing",
        "zero");
    WeightsCommandTest.assertError(
        "econ4j: option '--network-cols' needs four column names (from,to,period,count), got"
            + " 'a,b'",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--network",
        g,
        "--network-cols",
        "a,b");
    WeightsCommandTest.assertError(
        "econ4j: option '--normalize': unknown network normalization 'sum'",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--network",
        g,
        "--normalize",
        "sum");
    WeightsCommandTest.assertError(
        "econ4j: network file 'nothere.csv' does not exist",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--network",
        "nothere.csv");
    WeightsCommandTest.assertError(
        "econ4j: column 'crime' already exists in the panel",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        g,
        "--prefix",
        "");
    Path neg = ReferenceData.write(dir, "neg.csv", "from,to,year,count\n1,2,2000,-1\n");
    WeightsCommandTest.assertError(
        "econ4j: network record 1 has count -1.0 for pair ('1', '2') in period 2000; counts must be finite and ≥ 0",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--network",
        neg.toString());
    Path wrongYear = ReferenceData.write(dir, "wy.csv", "from,to,year,count\n1,2,1990,1\n");
    WeightsCommandTest.assertError(
        "econ4j: network period [1990] is not a period of the panel (periods 2000–2001)",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--network",
        wrongYear.toString());
    Path small = ReferenceData.write(dir, "w2.csv", "from,to,weight\n1,2,1\n2,1,1\n");
    WeightsCommandTest.assertError(
        "econ4j: panel and weights have different units: 47 panel units are not in the weights: '3', '4'",
        "spillover",
        "--data",
        data,
        "--index",
        "region,year",
        "--var",
        "crime",
        "--weights",
        small.toString());
  }
}
