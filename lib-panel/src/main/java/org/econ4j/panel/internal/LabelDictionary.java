package org.econ4j.panel.internal;

import java.util.Arrays;

/**
 * Dictionary encoding of labels by an open-addressing hash table keyed by character slices, so that
 * looking up a CSV field allocates nothing unless the label is new. Codes are dense, in order of
 * first appearance. Not a public API; not thread-safe.
 */
public final class LabelDictionary {
  private String[] levels = new String[16];
  private int[] levelHash = new int[16];
  private int size;
  private int[] table = new int[32]; // code + 1; 0 = empty
  private int mask = 31;

  /**
   * @return the number of levels
   */
  public int size() {
    return size;
  }

  /**
   * @return the levels in code order (a new array)
   */
  public String[] levels() {
    return Arrays.copyOf(levels, size);
  }

  /**
   * @param code a code
   * @return its level
   */
  public String level(int code) {
    return levels[code];
  }

  /**
   * The code of a slice, adding it when new.
   *
   * @param b characters
   * @param off start
   * @param len length
   * @return the code
   */
  public int code(char[] b, int off, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) {
      h = 31 * h + b[off + k];
    }
    int slot = mix(h) & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return add(new String(b, off, len), h, slot);
      }
      int c = e - 1;
      if (levelHash[c] == h && same(levels[c], b, off, len)) {
        return c;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The code of a label, adding it when new.
   *
   * @param s the label
   * @return the code
   */
  public int code(String s) {
    int h = s.hashCode();
    int slot = mix(h) & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return add(s, h, slot);
      }
      int c = e - 1;
      if (levelHash[c] == h && levels[c].equals(s)) {
        return c;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The code of a label without adding it.
   *
   * @param s the label
   * @return the code, or −1 when absent
   */
  public int find(String s) {
    int h = s.hashCode();
    int slot = mix(h) & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      int c = e - 1;
      if (levelHash[c] == h && levels[c].equals(s)) {
        return c;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean same(String s, char[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (s.charAt(k) != b[off + k]) {
        return false;
      }
    }
    return true;
  }

  private int add(String s, int h, int slot) {
    int c = size;
    if (c == levels.length) {
      levels = Arrays.copyOf(levels, c * 2);
      levelHash = Arrays.copyOf(levelHash, c * 2);
    }
    levels[c] = s;
    levelHash[c] = h;
    size++;
    table[slot] = c + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return c;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int m = t.length - 1;
    for (int c = 0; c < size; c++) {
      int slot = mix(levelHash[c]) & m;
      while (t[slot] != 0) {
        slot = (slot + 1) & m;
      }
      t[slot] = c + 1;
    }
    table = t;
    mask = m;
  }
}
