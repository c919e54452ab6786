package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The intersection of two clusterings numbers the pairs in lexicographic order of (a, b). */
class ClusterCombineProperties {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void pairCodesFollowTheSortedKeys(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(5000);
    int ga = 1 + rng.nextInt(300);
    int gb = 1 + rng.nextInt(300);
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(ga);
      b[i] = rng.nextInt(gb);
    }
    int[] out = new int[n];
    int g = Sandwich.combine(a, b, gb, out);
    // reference: rank of the key a*gb + b among the distinct keys
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (long) a[i] * gb + b[i];
    }
    long[] distinct = Arrays.stream(keys).distinct().sorted().toArray();
    assertThat(g).isEqualTo(distinct.length);
    for (int i = 0; i < n; i++) {
      assertThat(out[i]).isEqualTo(Arrays.binarySearch(distinct, keys[i]));
    }
  }
}
