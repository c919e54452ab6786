package org.econ4j.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.econ4j.panel.Panel;
import org.econ4j.testing.ReferenceData;

/**
 * The patents&ndash;R&amp;D design of {@code ref_patents.R}, built by hand: lag(log(rd), 0:5) by
 * time within firm (plm lags), scisect (yes = 1), log(capital72), year dummies with 1975 (the first
 * year of the estimation sample) as reference; rows with a missing lag (1970&ndash;1974) dropped.
 */
final class PatentsData {
  static final String RESOURCE = "reference/pglm/pglm_PatentsRDUS.csv";
  static final String REF = "reference/pglm/ref_patents.csv";

  final double[] y;
  final double[][] x; // lag0..lag5, scisect, log(capital72), year 1976..1979
  final String[] names;
  final int[] unit;

  private PatentsData(double[] y, double[][] x, String[] names, int[] unit) {
    this.y = y;
    this.x = x;
    this.names = names;
    this.unit = unit;
  }

  static PatentsData load() {
    Map<String, List<String>> c = ReferenceData.columns(RESOURCE);
    int n = c.get("cusip").size();
    double[] cusip = new double[n];
    double[] year = new double[n];
    double[] lrd = new double[n];
    double[] scisect = new double[n];
    double[] lcap = new double[n];
    double[] patents = new double[n];
    for (int i = 0; i < n; i++) {
      cusip[i] = Double.parseDouble(c.get("cusip").get(i));
      year[i] = Double.parseDouble(c.get("year").get(i));
      lrd[i] = Math.log(Double.parseDouble(c.get("rd").get(i)));
      scisect[i] = c.get("scisect").get(i).equals("yes") ? 1 : 0;
      lcap[i] = Math.log(Double.parseDouble(c.get("capital72").get(i)));
      patents[i] = Double.parseDouble(c.get("patents").get(i));
    }
    Panel panel =
        Panel.builder()
            .numeric("cusip", cusip)
            .numeric("year", year)
            .numeric("lrd", lrd)
            .build()
            .withIndex("cusip", "year");
    double[][] lags = new double[6][];
    for (int k = 0; k < 6; k++) {
      lags[k] = panel.lag("lrd", k);
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean ok = true;
      for (int k = 0; k < 6; k++) {
        ok &= !Double.isNaN(lags[k][i]);
      }
      if (ok) {
        rows.add(i);
      }
    }
    int m = rows.size();
    String[] names = {
      "lag(log(rd), 0:5)0",
      "lag(log(rd), 0:5)1",
      "lag(log(rd), 0:5)2",
      "lag(log(rd), 0:5)3",
      "lag(log(rd), 0:5)4",
      "lag(log(rd), 0:5)5",
      "scisectyes",
      "log(capital72)",
      "factor(year)1976",
      "factor(year)1977",
      "factor(year)1978",
      "factor(year)1979"
    };
    double[][] x = new double[names.length][m];
    double[] y = new double[m];
    int[] unit = new int[m];
    for (int r = 0; r < m; r++) {
      int i = rows.get(r);
      for (int k = 0; k < 6; k++) {
        x[k][r] = lags[k][i];
      }
      x[6][r] = scisect[i];
      x[7][r] = lcap[i];
      for (int t = 0; t < 4; t++) {
        x[8 + t][r] = year[i] == 1976 + t ? 1 : 0;
      }
      y[r] = patents[i];
      unit[r] = (int) cusip[i];
    }
    return new PatentsData(y, x, names, unit);
  }

  /** The design without the time-invariant columns (scisect, log(capital72)). */
  PatentsData withoutTimeInvariant() {
    double[][] xx = new double[10][];
    String[] nn = new String[10];
    for (int j = 0, o = 0; j < names.length; j++) {
      if (j == 6 || j == 7) {
        continue;
      }
      xx[o] = x[j];
      nn[o++] = names[j];
    }
    return new PatentsData(y, xx, nn, unit);
  }
}
