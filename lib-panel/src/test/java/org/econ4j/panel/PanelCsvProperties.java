package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PanelCsvProperties {
  @TempDir Path dir;

  private static final String ALPHABET = "abcXYZ ,\"'\n;.-_é中NA";

  static String randomLabel(SplittableRandom rng) {
    int len = 1 + rng.nextInt(6);
    StringBuilder sb = new StringBuilder("L");
    for (int k = 0; k < len; k++) {
      sb.append(ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
    }
    String s = sb.toString();
    return rng.nextInt(10) == 0 ? "NA" : s;
  }

  static double randomValue(SplittableRandom rng) {
    switch (rng.nextInt(7)) {
      case 0:
        return Double.NaN;
      case 1:
        return rng.nextInt(5000) - 2500;
      case 2:
        return Math.round(rng.nextDouble() * 1e6) / 100.0;
      case 3:
        {
          double v = Double.longBitsToDouble(rng.nextLong());
          return Double.isNaN(v) ? 0 : v;
        }
      case 4:
        return rng.nextDouble() * Math.pow(10, rng.nextInt(40) - 20);
      case 5:
        return rng.nextBoolean() ? -0.0 : 1e15 + rng.nextInt(1000);
      default:
        return rng.nextGaussian();
    }
  }

  static Panel randomPanel(SplittableRandom rng) {
    int n = 1 + rng.nextInt(40);
    int cols = 1 + rng.nextInt(5);
    PanelBuilder b = Panel.builder();
    for (int j = 0; j < cols; j++) {
      if (rng.nextBoolean()) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = randomValue(rng);
        }
        b.numeric("x" + j, x);
      } else {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
          s[i] = rng.nextInt(8) == 0 ? null : randomLabel(rng);
        }
        b.categorical(j % 2 == 0 ? "c" + j : "c, \"" + j + "\"", s);
      }
    }
    return b.build();
  }

  static void assertSamePanel(Panel back, Panel p) {
    assertThat(back.columnNames()).isEqualTo(p.columnNames());
    assertThat(back.rows()).isEqualTo(p.rows());
    for (String c : p.columnNames()) {
      if (p.type(c) == ColumnType.NUMERIC && back.type(c) == ColumnType.NUMERIC) {
        double[] a = p.numeric(c);
        double[] b = back.numeric(c);
        for (int i = 0; i < a.length; i++) {
          assertThat(Double.doubleToLongBits(b[i]))
              .as("%s row %d: %s vs %s", c, i, a[i], b[i])
              .isEqualTo(Double.doubleToLongBits(a[i]));
        }
      } else {
        assertThat(back.labels(c)).as(c).containsExactly(p.labels(c));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void writeThenReadIsExact(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int rep = 0; rep < 10; rep++) {
      Panel p = randomPanel(rng);
      Path f = dir.resolve("p" + rep + ".csv");
      p.writeCsv(f);
      CsvOptions o = CsvOptions.defaults();
      for (String c : p.columnNames()) {
        o = o.withColumnType(c, p.type(c));
      }
      Panel back = Panel.readCsv(f, o);
      assertSamePanel(back, p);
      // and with inference: numeric columns stay numeric, labels starting with a letter stay labels
      Panel inferred = Panel.readCsv(f);
      for (String c : p.columnNames()) {
        boolean allMissing =
            p.type(c) == ColumnType.CATEGORICAL && p.categorical(c).missingCount() == p.rows();
        if (!allMissing) {
          assertThat(inferred.type(c)).as(c).isEqualTo(p.type(c));
        }
      }
    }
  }
}
