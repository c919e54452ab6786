package org.econ4j.panel.formula;

import java.util.List;
import java.util.Objects;

/**
 * One fixed-effect dimension of a formula (the part after {@code |}): a column {@code fe}, a
 * combination {@code fe1^fe2} (one level per observed pair, as fixest) and optionally varying
 * slopes {@code fe[x]} or {@code fe[x1, x2]} (a slope on {@code x} per level of {@code fe}, in
 * addition to the fixed effect itself, as fixest).
 *
 * @param variables one or more columns combined with {@code ^}
 * @param slopes slope columns given in brackets, possibly empty
 */
public record FixedEffect(List<String> variables, List<String> slopes) {

  /** Validates and copies. */
  public FixedEffect {
    variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
    slopes = List.copyOf(Objects.requireNonNull(slopes, "slopes"));
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("a fixed effect needs at least one variable");
    }
  }

  /**
   * A one-column fixed effect.
   *
   * @param variable the column
   * @return the fixed effect
   */
  public static FixedEffect of(String variable) {
    return new FixedEffect(List.of(variable), List.of());
  }

  /**
   * @return the display name: the columns joined by {@code ^} (e.g. {@code Origin^Year})
   */
  public String name() {
    return String.join("^", variables);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (String v : variables) {
      if (sb.length() > 0) {
        sb.append('^');
      }
      sb.append(Printer.name(v));
    }
    if (!slopes.isEmpty()) {
      sb.append('[');
      for (int i = 0; i < slopes.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(Printer.name(slopes.get(i)));
      }
      sb.append(']');
    }
    return sb.toString();
  }
}
