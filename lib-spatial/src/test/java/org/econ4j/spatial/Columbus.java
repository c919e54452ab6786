package org.econ4j.spatial;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.testing.ReferenceData;

/** Loads the Columbus reference data (row ids "1".."49"). */
final class Columbus {
  static final String DIR = "reference/spdep/";

  private Columbus() {}

  static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 49; i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  static double[] column(String name) {
    return ReferenceData.numeric(DIR + "spData_columbus.csv", name);
  }

  static Coordinates xy() {
    return Coordinates.planar(ids(), column("X"), column("Y"));
  }

  static double[][] dense(String file) {
    List<String> lines = ReferenceData.lines(DIR + file);
    double[][] m = new double[lines.size()][];
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      m[i] = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        m[i][j] = Double.parseDouble(f[j]);
      }
    }
    return m;
  }

  static List<String[]> edges(String file) {
    List<String> lines = ReferenceData.lines(DIR + file);
    List<String[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.replace("\"", "").split(",");
        out.add(new String[] {f[0].trim(), f[1].trim()});
      }
    }
    return out;
  }

  static WeightMatrix gal() {
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (String[] e : edges("spData_columbus_gal_edges.csv")) {
      from.add(e[0]);
      to.add(e[1]);
    }
    return WeightMatrix.fromEdges(ids(), from, to, IslandPolicy.ERROR);
  }

  static double ref(String model, String quantity) {
    return ReferenceData.get(
        ReferenceData.longFormat(DIR + "ref_spatial.csv"), model, quantity, "");
  }
}
