package org.econ4j.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

/** Leverages supplied lazily: computed once on first need, equal to eager ones. */
class InferenceDataLazyLeverageTest {
  private static final double[][] BREAD = {{0.5}};
  private static final double[] H = {0.1, 0.2, 0.3, 0.4};

  private static double[][] scores() {
    return new double[][] {{1, -2, 0.5, 1.5}};
  }

  @Test
  void computedOnceOnFirstNeedAndEqualToEager() {
    AtomicInteger calls = new AtomicInteger();
    List<String> specs = new ArrayList<>();
    InferenceData lazy =
        InferenceData.builder(BREAD, scores(), 4)
            .iidScale(1)
            .lazyLeverage(
                spec -> {
                  calls.incrementAndGet();
                  specs.add(spec);
                  return H.clone();
                })
            .build();
    InferenceData eager =
        InferenceData.builder(BREAD, scores(), 4).iidScale(1).leverage(H.clone()).build();
    assertThat(lazy.hasLeverage()).isTrue();
    Sandwich.compute(lazy, Vcov.hetero(), SmallSampleCorrection.fixest());
    assertThat(calls).hasValue(0);
    for (Vcov v : List.of(Vcov.hc3(), Vcov.hc2(), Vcov.hc3())) {
      assertThat(Sandwich.compute(lazy, v, SmallSampleCorrection.fixest()).matrix())
          .isEqualTo(Sandwich.compute(eager, v, SmallSampleCorrection.fixest()).matrix());
    }
    assertThat(calls).hasValue(1);
    assertThat(specs).containsExactly("hc3");
  }

  @Test
  void aFailingSupplierIsAskedAgainAndItsMessagePassesThrough() {
    AtomicInteger calls = new AtomicInteger();
    InferenceData d =
        InferenceData.builder(BREAD, scores(), 4)
            .lazyLeverage(
                spec -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new SpecificationException("vcov '" + spec + "' is too big here");
                  }
                  return H.clone();
                })
            .build();
    assertThatThrownBy(() -> Sandwich.compute(d, Vcov.hc2(), SmallSampleCorrection.fixest()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage("vcov 'hc2' is too big here");
    assertThat(Sandwich.compute(d, Vcov.hc2(), SmallSampleCorrection.fixest()).matrix()[0][0])
        .isPositive();
    assertThat(calls).hasValue(2);
  }

  @Test
  void aSupplierOfTheWrongLengthIsAnError() {
    InferenceData d =
        InferenceData.builder(BREAD, scores(), 4).lazyLeverage(spec -> new double[3]).build();
    assertThatThrownBy(() -> Sandwich.compute(d, Vcov.hc3(), SmallSampleCorrection.fixest()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the lazy leverage supplier returned 3 values but nobs is 4");
    InferenceData n = InferenceData.builder(BREAD, scores(), 4).lazyLeverage(spec -> null).build();
    assertThatThrownBy(() -> Sandwich.compute(n, Vcov.hc3(), SmallSampleCorrection.fixest()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the lazy leverage supplier returned null but nobs is 4");
    assertThatThrownBy(() -> InferenceData.builder(BREAD, scores(), 4).lazyLeverage(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("supplier");
  }
}
