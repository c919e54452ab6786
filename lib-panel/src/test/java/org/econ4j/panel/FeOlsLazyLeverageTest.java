package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.Vcov;
import org.econ4j.panel.formula.Formula;
import org.econ4j.testing.RandomPanels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HC2/HC3 after the fit: the leverages (exact, with every fixed-effect dimension) are computed on
 * first need from what the fit kept, and equal those computed when HC2/HC3 is the fit-time vcov.
 */
class FeOlsLazyLeverageTest {
  private static final double TOL = 1e-12;

  /** A trade-like gravity panel: origin, destination, product, year; log flows with effects. */
  private static Panel trade(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 600;
    double[] o = new double[n];
    double[] d = new double[n];
    double[] p = new double[n];
    double[] yr = new double[n];
    double[] dist = new double[n];
    double[] x2 = new double[n];
    double[] w = new double[n];
    double[] y = new double[n];
    double[] eo = new double[15];
    double[] ed = new double[15];
    double[] ep = new double[20];
    for (int g = 0; g < 15; g++) {
      eo[g] = RandomPanels.gaussian(rng);
      ed[g] = RandomPanels.gaussian(rng);
    }
    for (int g = 0; g < 20; g++) {
      ep[g] = RandomPanels.gaussian(rng);
    }
    for (int i = 0; i < n; i++) {
      int io = rng.nextInt(15);
      int id = rng.nextInt(15);
      int ip = rng.nextInt(20);
      int it = rng.nextInt(10);
      o[i] = io;
      d[i] = id;
      p[i] = ip;
      yr[i] = 2007 + it;
      dist[i] = Math.log(100 + 5000 * rng.nextDouble());
      x2[i] = RandomPanels.gaussian(rng);
      w[i] = 0.5 + rng.nextDouble();
      y[i] =
          -1.2 * dist[i]
              + 0.3 * x2[i]
              + eo[io]
              + ed[id]
              + ep[ip]
              + 0.05 * it
              + RandomPanels.gaussian(rng);
    }
    return Panel.builder()
        .numeric("Origin", o)
        .numeric("Destination", d)
        .numeric("Product", p)
        .numeric("Year", yr)
        .numeric("ldist", dist)
        .numeric("x2", x2)
        .numeric("w", w)
        .numeric("y", y)
        .build();
  }

  private static void assertSameSe(RegressionResult a, RegressionResult b) {
    for (String t : List.of("ldist", "x2")) {
      double sa = a.coefficient(t).orElseThrow().stdError();
      double sb = b.coefficient(t).orElseThrow().stdError();
      assertThat(Math.abs(sa - sb)).as("%s: %s vs %s", t, sa, sb).isLessThanOrEqualTo(TOL * sb);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void hc2AndHc3AfterTheFitEqualFitTime(long seed) {
    Panel p = trade(seed);
    for (String fes : List.of("Origin + Destination", "Origin + Destination + Product")) {
      Formula f = Formula.parse("y ~ ldist + x2 | " + fes);
      for (FeOls est : List.of(FeOls.defaults(), FeOls.defaults().withWeights("w"))) {
        RegressionResult plain = est.fit(f, p);
        for (Vcov v : List.of(Vcov.hc2(), Vcov.hc3())) {
          assertSameSe(plain.withVcov(v), est.withVcov(v).fit(f, p));
        }
        // a result derived by withVcov keeps (and shares) the lazy leverages
        assertSameSe(
            plain.withVcov(Vcov.hetero()).withVcov(Vcov.hc3()), est.withVcov(Vcov.hc3()).fit(f, p));
      }
    }
  }

  @Test
  void concurrentFirstRequestsAgree() throws Exception {
    Panel p = trade(4);
    RegressionResult plain =
        FeOls.defaults().fit(Formula.parse("y ~ ldist + x2 | Origin + Destination + Year"), p);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<RegressionResult>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Vcov v = t % 2 == 0 ? Vcov.hc2() : Vcov.hc3();
        tasks.add(() -> plain.withVcov(v));
      }
      List<Future<RegressionResult>> out = pool.invokeAll(tasks);
      for (int t = 2; t < 8; t++) {
        assertThat(out.get(t).get().vcovMatrix()).isEqualTo(out.get(t % 2).get().vcovMatrix());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void leanResultsKeepNoLeverageAndSaySo() {
    Panel p = trade(5);
    RegressionResult lean =
        FeOls.defaults().lean().fit(Formula.parse("y ~ ldist + x2 | Origin + Destination"), p);
    assertThatThrownBy(() -> lean.withVcov(Vcov.hc2()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this result was fitted lean() and keeps no inference data, so vcov 'hc2' cannot be"
                + " computed; refit without lean() or with this vcov");
    // with HC2 as the fit-time vcov a lean fit still has its standard errors
    assertThat(
            FeOls.defaults()
                .lean()
                .withVcov(Vcov.hc2())
                .fit(Formula.parse("y ~ ldist + x2 | Origin + Destination"), p)
                .coefficient("ldist")
                .orElseThrow()
                .stdError())
        .isPositive();
  }

  @Test
  void tooManyLevelsAreRefusedOnTheLaterRequestToo() {
    int n = 4200;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 2100;
      b[i] = (i * 7 + i / 2100) % 2050;
      x[i] = Math.sin(i);
      y[i] = Math.cos(i * 0.37) + x[i];
    }
    Panel p =
        Panel.builder().numeric("a", a).numeric("b", b).numeric("x", x).numeric("y", y).build();
    RegressionResult r =
        FeOls.defaults().withSingletonRemoval(false).fit(Formula.parse("y ~ x | a + b"), p);
    for (String spec : List.of("hc3", "hc2")) {
      assertThatThrownBy(() -> r.withVcov(Vcov.parse(spec)))
          .isInstanceOf(SpecificationException.class)
          .hasMessageStartingWith(
              "vcov '"
                  + spec
                  + "' with several fixed effects needs their exact leverage, computed only for"
                  + " at most 2000 levels beyond the largest dimension")
          .hasMessageContaining("use hetero (HC1) or a cluster vcov");
    }
    assertThat(r.withVcov(Vcov.hetero()).coefficient("x").orElseThrow().stdError()).isPositive();
  }
}
