package org.econ4j.panel.fe;

/**
 * The dimensions other than the largest (the "remaining" ones of the Schur-complement solvers), in
 * dimension order, numbered together in one compact index space: their codes in the sorted row
 * order, the offset of each in the compact space, and for each compact index the full coefficient
 * index and the level's Σw. Shared by the implicit and explicit Schur complements and the dense
 * direct solve; built once per {@link Problem}.
 */
final class CompactLayout {

  /** Codes of the remaining dimensions in sorted row order. */
  final int[][] codes;

  /** Compact offset of each remaining dimension. */
  final int[] offsets;

  /** Full coefficient index of each compact index. */
  final int[] coefIndex;

  /** Σw of the level behind each compact index. */
  final double[] diagW;

  /** Number of compact indices (the remaining dimensions' levels in all). */
  final int size;

  CompactLayout(Problem pr, SortedRows s) {
    int nr = pr.terms - 1;
    codes = new int[nr][];
    offsets = new int[nr];
    int m = 0;
    for (int k = 0; k < pr.terms; k++) {
      if (k != s.largest) {
        m += pr.levels[k];
      }
    }
    size = m;
    coefIndex = new int[m];
    diagW = new double[m];
    int t = 0;
    int off = 0;
    for (int k = 0; k < pr.terms; k++) {
      if (k == s.largest) {
        continue;
      }
      codes[t] = s.codes[k];
      offsets[t] = off;
      for (int g = 0; g < pr.levels[k]; g++) {
        coefIndex[off + g] = pr.layout[k][0] + g;
        diagW[off + g] = pr.sw[k][g];
      }
      off += pr.levels[k];
      t++;
    }
  }
}
