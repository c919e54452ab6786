package org.econ4j.panel.formula;

/**
 * A varying slope {@code fe[x]} of a {@link ModelFrame}: the slope variable's values over the kept
 * rows, attached to a fixed-effect dimension (one coefficient on {@code x} per level of {@code fe},
 * as fixest).
 *
 * <p>Immutable; arrays are copied out.
 */
public final class VaryingSlope {
  private final int fixedEffect;
  private final String fixedEffectName;
  private final String variable;
  private final double[] values;

  VaryingSlope(int fixedEffect, String fixedEffectName, String variable, double[] values) {
    this.fixedEffect = fixedEffect;
    this.fixedEffectName = fixedEffectName;
    this.variable = variable;
    this.values = values;
  }

  /**
   * @return the position of the fixed effect in {@link ModelFrame#fixedEffects()}
   */
  public int fixedEffectIndex() {
    return fixedEffect;
  }

  /**
   * @return the fixed effect's name, e.g. {@code unit}
   */
  public String fixedEffectName() {
    return fixedEffectName;
  }

  /**
   * @return the slope variable's name
   */
  public String variable() {
    return variable;
  }

  /**
   * @return the display name, e.g. {@code unit[year]}
   */
  public String name() {
    return fixedEffectName + "[" + variable + "]";
  }

  /**
   * @return the slope values over the kept rows (a copy)
   */
  public double[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return "VaryingSlope[" + name() + "]";
  }
}
