package org.econ4j.panel.describe;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelBuilder;
import org.econ4j.testing.ReferenceData;

/**
 * Test-only reader of the simple reference CSV files (header row, {@code NA} or empty = missing): a
 * column is numeric when every non-missing value parses as a number, categorical otherwise. Kept
 * here until the real CSV reader is merged.
 */
final class TestCsv {
  private TestCsv() {}

  static Panel read(String resource) {
    List<String> lines = ReferenceData.lines(resource);
    List<String> header = ReferenceData.splitCsv(lines.get(0));
    int k = header.size();
    List<List<String>> cols = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      cols.add(new ArrayList<>());
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = ReferenceData.splitCsv(line);
      for (int j = 0; j < k; j++) {
        String s = f.get(j);
        cols.get(j).add(s.isEmpty() || s.equals("NA") ? null : s);
      }
    }
    PanelBuilder b = Panel.builder();
    for (int j = 0; j < k; j++) {
      List<String> c = cols.get(j);
      double[] d = new double[c.size()];
      boolean numeric = true;
      for (int i = 0; i < d.length && numeric; i++) {
        String s = c.get(i);
        if (s == null) {
          d[i] = Double.NaN;
        } else {
          try {
            d[i] = Double.parseDouble(s);
          } catch (NumberFormatException e) {
            numeric = false;
          }
        }
      }
      if (numeric) {
        b.numeric(header.get(j), d);
      } else {
        b.categorical(header.get(j), c);
      }
    }
    return b.build();
  }

  static Panel grunfeld() {
    return read("reference/plm/plm_Grunfeld.csv");
  }
}
