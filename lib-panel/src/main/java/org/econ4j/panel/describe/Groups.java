package org.econ4j.panel.describe;

import java.util.Arrays;
import org.econ4j.panel.CategoricalColumn;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;

/**
 * Dense group codes of a column: categorical columns keep their level order; numeric columns are
 * ordered by value (so years come out ascending). Missing = −1.
 */
final class Groups {
  final String column;
  final int[] codes;
  final String[] labels;

  /** For numeric columns, the value of each group; NaN for categorical ones. */
  final double[] values;

  final int missing;

  private Groups(String column, int[] codes, String[] labels, double[] values, int missing) {
    this.column = column;
    this.codes = codes;
    this.labels = labels;
    this.values = values;
    this.missing = missing;
  }

  int count() {
    return labels.length;
  }

  static Groups of(Panel panel, String column) {
    if (panel.type(column) == ColumnType.CATEGORICAL) {
      CategoricalColumn c = panel.categorical(column);
      String[] labels = c.levels().toArray(new String[0]);
      double[] values = new double[labels.length];
      Arrays.fill(values, Double.NaN);
      return new Groups(column, c.codes(), labels, values, c.missingCount());
    }
    double[] x = panel.numeric(column);
    double[] distinct = Stats.sorted(Stats.compact(x));
    int m = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[m++] = distinct[i];
      }
    }
    double[] values = Arrays.copyOf(distinct, m);
    int[] codes = new int[x.length];
    int missing = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        codes[i] = -1;
        missing++;
      } else {
        codes[i] = Arrays.binarySearch(values, x[i]);
      }
    }
    String[] labels = new String[m];
    for (int g = 0; g < m; g++) {
      labels[g] = Panel.numberLabel(values[g]);
    }
    return new Groups(column, codes, labels, values, missing);
  }
}
