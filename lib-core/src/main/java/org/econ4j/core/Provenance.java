package org.econ4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What produced a result: the estimator (e.g. {@code FeOls}), its options as text (e.g. {@code
 * collinTol=1e-09}, {@code fixefTol=1e-06}), and the econ4j version. Immutable.
 *
 * @param estimator estimator name
 * @param options options as name → value, in insertion order
 * @param version econ4j version
 */
public record Provenance(String estimator, Map<String, String> options, String version) {

  /**
   * @throws NullPointerException if an argument is null
   */
  public Provenance {
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(version, "version");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options)));
  }

  /**
   * @param estimator estimator name
   * @return provenance with no options and the running econ4j version
   */
  public static Provenance of(String estimator) {
    return new Provenance(estimator, Map.of(), Econ4j.version());
  }

  /**
   * @param name option name
   * @param value option value
   * @return a copy with the option added (or replaced)
   */
  public Provenance withOption(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(options);
    m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Provenance(estimator, m, version);
  }
}
