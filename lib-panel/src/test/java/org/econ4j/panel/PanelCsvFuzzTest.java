package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds 2,000 seeded random byte strings and mutated valid CSV files to {@link Panel#readCsv}: the
 * only exception allowed is the documented {@link SpecificationException}; when a panel comes back
 * it is well formed.
 */
class PanelCsvFuzzTest {
  @TempDir Path dir;

  private static final String VALID =
      "iso,year,gdp,region,note\n"
          + "CHN,2000,1.5,\"East, Asia\",NA\n"
          + "USA,2001,NA,America,\"say \"\"hi\"\"\"\n"
          + "DEU,2002,.,Europe,\n"
          + "FRA,2003,-2.5e3,Europe,\"NA\"\n"
          + "007,2004,1e400,\"multi\nline\",x\n";

  private static final byte[] INTERESTING =
      ",\"\n\r;. -+eE0123456789NAaInf\t\u0000".getBytes(StandardCharsets.UTF_8);

  @Test
  void onlyDocumentedExceptions() throws IOException {
    SplittableRandom rng = new SplittableRandom(20261123L);
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    int panels = 0;
    int errors = 0;
    Path f = dir.resolve("fuzz.csv");
    // one channel, truncated and rewritten per case: re-creating 2,000 files is slow on some disks
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int k = 0; k < 2000; k++) {
        byte[] data;
        if (k % 2 == 0) {
          data = new byte[rng.nextInt(200)];
          for (int i = 0; i < data.length; i++) {
            data[i] =
                rng.nextBoolean()
                    ? (byte) rng.nextInt(256)
                    : INTERESTING[rng.nextInt(INTERESTING.length)];
          }
        } else {
          data = valid.clone();
          int edits = 1 + rng.nextInt(6);
          for (int e = 0; e < edits; e++) {
            int pos = rng.nextInt(data.length);
            switch (rng.nextInt(3)) {
              case 0:
                data[pos] = INTERESTING[rng.nextInt(INTERESTING.length)];
                break;
              case 1:
                data = java.util.Arrays.copyOf(data, Math.max(1, pos));
                break;
              default:
                byte[] d = new byte[data.length + 1];
                System.arraycopy(data, 0, d, 0, pos);
                d[pos] = INTERESTING[rng.nextInt(INTERESTING.length)];
                System.arraycopy(data, pos, d, pos + 1, data.length - pos);
                data = d;
            }
          }
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(data), 0);
        CsvOptions o =
            k % 7 == 0 ? CsvOptions.defaults().withDelimiter(';') : CsvOptions.defaults();
        try {
          Panel p = Panel.readCsv(f, o);
          panels++;
          assertThat(p.rows()).isPositive();
          for (String c : p.columnNames()) {
            assertThat(p.labels(c)).hasSize(p.rows());
          }
        } catch (SpecificationException e) {
          errors++;
          assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
      }
    }
    assertThat(panels).isPositive();
    assertThat(errors).isPositive();
  }
}
