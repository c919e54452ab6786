package org.econ4j.panel;

/** Open-addressing hash map from long keys to dense int values; package-private machinery. */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The value of {@code key}, or −1 when absent. */
  int get(long key) {
    int s = hash(key) & mask;
    while (used[s]) {
      if (keys[s] == key) {
        return values[s];
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  /** The value of {@code key}, inserting {@code size()} (the next dense code) when absent. */
  int getOrAdd(long key) {
    int s = hash(key) & mask;
    while (used[s]) {
      if (keys[s] == key) {
        return values[s];
      }
      s = (s + 1) & mask;
    }
    used[s] = true;
    keys[s] = key;
    int v = size++;
    values[s] = v;
    if (size * 2 > keys.length) {
      grow();
    }
    return v;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    boolean[] ou = used;
    int cap = ok.length * 2;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
    for (int i = 0; i < ok.length; i++) {
      if (ou[i]) {
        int s = hash(ok[i]) & mask;
        while (used[s]) {
          s = (s + 1) & mask;
        }
        used[s] = true;
        keys[s] = ok[i];
        values[s] = ov[i];
      }
    }
  }

  @Override
  public String toString() {
    return "LongIntMap[" + size + "]";
  }
}
