package org.econ4j.panel.formula;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.econ4j.panel.Panel;

/**
 * The labels of numeric levels ({@code 2007}, {@code 3.5}), formatted on demand: a fixed effect
 * with 10⁶ numeric levels then costs one {@code double[]} instead of 10⁶ strings per fit. An
 * immutable list.
 */
final class NumberLabels extends AbstractList<String> implements RandomAccess {
  private final double[] values;

  /**
   * @param values one value per level; owned by this list from now on
   */
  NumberLabels(double[] values) {
    this.values = values;
  }

  @Override
  public String get(int index) {
    return Panel.numberLabel(values[index]);
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The value of a level. */
  double value(int index) {
    return values[index];
  }
}
