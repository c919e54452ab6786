package org.econ4j.panel.internal;

import java.util.Arrays;

/**
 * Growable primitive buffers stored as fixed-size chunks, so that growing never copies and the
 * final array is assembled chunk by chunk (each chunk released as soon as it is copied): the peak
 * memory stays close to the final column's size. Not a public API.
 */
final class Chunks {
  static final int SHIFT = 14;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  private Chunks() {}

  /** Doubles. */
  static final class Doubles {
    private double[][] chunks = new double[4][];
    private int size;

    void add(double v) {
      int c = size >>> SHIFT;
      if (c == chunks.length) {
        chunks = Arrays.copyOf(chunks, c * 2);
      }
      double[] ch = chunks[c];
      int at = size & MASK;
      if (ch == null || at == ch.length) {
        // the first chunk starts small and doubles (small files stay cheap); later ones are full
        ch =
            ch == null ? new double[c == 0 ? 64 : SIZE] : Arrays.copyOf(ch, Math.min(SIZE, 2 * at));
        chunks[c] = ch;
      }
      ch[at] = v;
      size++;
    }

    int size() {
      return size;
    }

    double get(int i) {
      return chunks[i >>> SHIFT][i & MASK];
    }

    /** Moves the values into one array and releases the chunks. */
    double[] drain() {
      double[] out = new double[size];
      for (int c = 0; c * SIZE < size; c++) {
        System.arraycopy(chunks[c], 0, out, c * SIZE, Math.min(SIZE, size - c * SIZE));
        chunks[c] = null;
      }
      size = 0;
      return out;
    }

    void release() {
      chunks = new double[4][];
      size = 0;
    }
  }

  /** Ints. */
  static final class Ints {
    private int[][] chunks = new int[4][];
    private int size;

    void add(int v) {
      int c = size >>> SHIFT;
      if (c == chunks.length) {
        chunks = Arrays.copyOf(chunks, c * 2);
      }
      int[] ch = chunks[c];
      int at = size & MASK;
      if (ch == null || at == ch.length) {
        // the first chunk starts small and doubles (small files stay cheap); later ones are full
        ch = ch == null ? new int[c == 0 ? 64 : SIZE] : Arrays.copyOf(ch, Math.min(SIZE, 2 * at));
        chunks[c] = ch;
      }
      ch[at] = v;
      size++;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return chunks[i >>> SHIFT][i & MASK];
    }

    /** Copies the values into {@code out} from {@code at}, mapping codes, and releases chunks. */
    void drainInto(int[] out, int at, int[] map) {
      for (int c = 0; c * SIZE < size; c++) {
        int[] ch = chunks[c];
        int m = Math.min(SIZE, size - c * SIZE);
        int base = at + c * SIZE;
        if (map == null) {
          System.arraycopy(ch, 0, out, base, m);
        } else {
          for (int k = 0; k < m; k++) {
            int v = ch[k];
            out[base + k] = v < 0 ? v : map[v];
          }
        }
        chunks[c] = null;
      }
      size = 0;
    }
  }
}
