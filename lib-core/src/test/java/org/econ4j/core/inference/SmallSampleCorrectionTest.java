package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

/**
 * Each preset's factor on n = 200, k = 2 slopes, F = 29 FE parameters (10 firms + 20 years - 1), G
 * = 10 clusters in which the 10-level firm FE is nested (Grunfeld's shape).
 */
class SmallSampleCorrectionTest {
  private static final int N = 200;
  private static final int K = 2;
  private static final int F = 29;
  private static final int REST = 20; // the 20-level year FE alone
  private static final int G = 10;

  /** Cluster factor c<sub>K</sub> · G/(G-1) as Sandwich applies it. */
  private static double clusterFactor(SmallSampleCorrection s) {
    int bigK = s.parameters(K, F, REST, true);
    double kf = s.robustKAdj() ? s.kFactor(N, bigK) : 1;
    return kf * s.clusterFactor(G);
  }

  private static double heteroFactor(SmallSampleCorrection s) {
    int bigK = s.parameters(K, F, 0, false);
    double kf = s.robustKAdj() ? s.kFactor(N, bigK) : 1;
    return kf * s.clusterFactor(N);
  }

  @Test
  void presetsFactors() {
    SmallSampleCorrection fx = SmallSampleCorrection.fixest();
    assertThat(fx.parameters(K, F, REST, true)).isEqualTo(22);
    assertThat(clusterFactor(fx)).isCloseTo(10.0 / 9 * 199 / 178, within(1e-15));
    assertThat(heteroFactor(fx)).isCloseTo(200.0 / 169, within(1e-15));
    for (SmallSampleCorrection s :
        new SmallSampleCorrection[] {
          SmallSampleCorrection.stataXtreg(), SmallSampleCorrection.stataReghdfe()
        }) {
      assertThat(clusterFactor(s)).isEqualTo(clusterFactor(fx));
      assertThat(s.tDf()).isEqualTo(SmallSampleCorrection.TDf.MIN);
    }
    for (SmallSampleCorrection s :
        new SmallSampleCorrection[] {
          SmallSampleCorrection.stataRegress(), SmallSampleCorrection.stataAreg()
        }) {
      assertThat(s.parameters(K, F, REST, true)).isEqualTo(31);
      assertThat(clusterFactor(s)).isCloseTo(10.0 / 9 * 199 / 169, within(1e-15));
      assertThat(heteroFactor(s)).isCloseTo(200.0 / 169, within(1e-15));
    }
    SmallSampleCorrection pp = SmallSampleCorrection.stataPpmlhdfe();
    assertThat(clusterFactor(pp)).isEqualTo(clusterFactor(fx));
    assertThat(pp.tDf()).isEqualTo(SmallSampleCorrection.TDf.NORMAL);
    SmallSampleCorrection plm = SmallSampleCorrection.plm();
    assertThat(clusterFactor(plm)).isEqualTo(1.0);
    assertThat(plm.parameters(K, F, REST, true)).isEqualTo(31);
    assertThat(plm.kFactor(N, 31)).isCloseTo(199.0 / 169, within(1e-15)); // iid: RSS/(n-K)
    assertThat(clusterFactor(SmallSampleCorrection.none())).isEqualTo(1.0);
    // every FE nested: the constant they absorbed counts once
    assertThat(fx.parameters(K, 10, 0, true)).isEqualTo(3);
    assertThat(fx.parameters(K, 10, 0, false)).isEqualTo(12);
    assertThat(SmallSampleCorrection.none().parameters(K, F, REST, true)).isEqualTo(2);
  }

  @Test
  void knobs() {
    SmallSampleCorrection s =
        SmallSampleCorrection.fixest()
            .withKAdj(false)
            .withClusterAdj(false)
            .withFixefK(SmallSampleCorrection.FixefK.NONE)
            .withClusterDf(SmallSampleCorrection.ClusterDf.CONVENTIONAL)
            .withTDf(SmallSampleCorrection.TDf.CONVENTIONAL)
            .withRobustKAdj(false);
    assertThat(s.name()).isEqualTo("custom");
    assertThat(s.kFactor(N, 5)).isEqualTo(1);
    assertThat(s.clusterFactor(G)).isEqualTo(1);
    assertThat(s.toString())
        .isEqualTo(
            "custom(kAdj=false, fixefK=none, clusterAdj=false, clusterDf=conventional,"
                + " tDf=conventional, robustKAdj=false)");
    assertThat(SmallSampleCorrection.stataReghdfe()).isEqualTo(SmallSampleCorrection.fixest());
    assertThat(SmallSampleCorrection.stataReghdfe().hashCode())
        .isEqualTo(SmallSampleCorrection.fixest().hashCode());
    assertThat(SmallSampleCorrection.defaults().name()).isEqualTo("fixest");
  }

  @Test
  void parse() {
    assertThat(SmallSampleCorrection.parse("fixest").name()).isEqualTo("fixest");
    for (String p :
        new String[] {
          "stata-regress",
          "stata-areg",
          "stata-xtreg",
          "stata-reghdfe",
          "stata-ppmlhdfe",
          "plm",
          "none"
        }) {
      assertThat(SmallSampleCorrection.parse(" " + p.toUpperCase(java.util.Locale.ROOT)).name())
          .isEqualTo(p);
    }
    assertThatThrownBy(() -> SmallSampleCorrection.parse("stata"))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "unknown small-sample correction 'stata'; expected one of fixest, stata-regress,"
                + " stata-areg, stata-xtreg, stata-reghdfe, stata-ppmlhdfe, plm, none");
  }
}
