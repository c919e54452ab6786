package org.econ4j.panel.fe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a flattened coefficient vector per dimension and normalises it. */
final class Recovery {
  private Recovery() {}

  static List<FeCoefficients> normalise(FixedEffects fe, double[] coef) {
    int k = fe.dimensions();
    int[][] lay = fe.layout();
    double[][] icp = new double[k][];
    double[][] slp = new double[k][];
    List<Integer> dims = new ArrayList<>();
    for (int d = 0; d < k; d++) {
      int g = fe.levels(d);
      icp[d] = lay[d][0] >= 0 ? Arrays.copyOfRange(coef, lay[d][0], lay[d][0] + g) : new double[0];
      slp[d] = lay[d][1] >= 0 ? Arrays.copyOfRange(coef, lay[d][1], lay[d][1] + g) : new double[0];
      if (lay[d][0] >= 0) {
        dims.add(d);
      }
    }
    if (dims.size() >= 2) {
      int f = dims.get(0);
      int s = dims.get(1);
      int gf = fe.levels(f);
      int gs = fe.levels(s);
      int[] cf = fe.codesRef(f);
      int[] cs = fe.codesRef(s);
      UnionFind uf = UnionFind.bipartite(cf, gf, cs, gs);
      double[] shift = new double[gf + gs];
      boolean[] seen = new boolean[gf + gs];
      for (int h = 0; h < gs; h++) {
        int root = uf.find(gf + h);
        if (!seen[root]) {
          seen[root] = true;
          shift[root] = icp[s][h];
        }
      }
      for (int h = 0; h < gs; h++) {
        icp[s][h] -= shift[uf.find(gf + h)];
      }
      for (int g = 0; g < gf; g++) {
        icp[f][g] += shift[uf.find(g)];
      }
      for (int t = 2; t < dims.size(); t++) {
        int d = dims.get(t);
        double v = icp[d][0];
        for (int h = 0; h < icp[d].length; h++) {
          icp[d][h] -= v;
        }
        for (int g = 0; g < gf; g++) {
          icp[f][g] += v;
        }
      }
    }
    List<FeCoefficients> out = new ArrayList<>();
    for (int d = 0; d < k; d++) {
      out.add(new FeCoefficients(fe.label(d), icp[d], slp[d]));
    }
    return List.copyOf(out);
  }
}
