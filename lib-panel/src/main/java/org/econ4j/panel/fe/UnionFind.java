package org.econ4j.panel.fe;

/** Union–find with path halving and union by size, over int nodes. */
final class UnionFind {
  private final int[] parent;
  private final int[] size;

  UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
  }

  int components() {
    int c = 0;
    for (int i = 0; i < parent.length; i++) {
      if (parent[i] == i) {
        c++;
      }
    }
    return c;
  }

  /** Union–find over the levels of two dimensions (a: 0..ga-1, b: ga..ga+gb-1) linked by rows. */
  static UnionFind bipartite(int[] a, int ga, int[] b, int gb) {
    UnionFind uf = new UnionFind(ga + gb);
    for (int i = 0; i < a.length; i++) {
      uf.union(a[i], ga + b[i]);
    }
    return uf;
  }
}
