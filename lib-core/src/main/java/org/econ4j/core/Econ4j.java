package org.econ4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library-wide facts: the version string carried by every JSON document and table footer. */
public final class Econ4j {
  private static final String VERSION = readVersion();

  private Econ4j() {}

  /**
   * @return the econ4j version, e.g. {@code 0.1.0-SNAPSHOT}
   */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = Econ4j.class.getResourceAsStream("/org/econ4j/core/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String v = Econ4j.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
