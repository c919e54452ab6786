package org.econ4j.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads reference files kept under {@code src/test/resources/reference/}: the long {@code
 * ref_*.csv} format (columns model, quantity, term, value) and plain CSV tables. Resources are
 * looked up on the test class path.
 */
public final class ReferenceData {
  private ReferenceData() {}

  /** One row of a long reference file. */
  public record Value(String model, String quantity, String term, double value) {}

  /**
   * Path of a class-path resource as a file (test resources are unpacked on disk under Maven).
   *
   * @param resource resource name, e.g. {@code reference/plm/plm_Grunfeld.csv}
   * @return the path
   */
  public static Path path(String resource) {
    java.net.URL url = ReferenceData.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException(
          "test resource '" + resource + "' not found on the class path");
    }
    try {
      return Paths.get(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Reads all lines of a resource.
   *
   * @param resource resource name
   * @return its lines
   */
  public static List<String> lines(String resource) {
    try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "test resource '" + resource + "' not found on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits one CSV line (RFC 4180 quoting).
   *
   * @param line the line
   * @return the fields
   */
  public static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /**
   * Reads a long reference file (header {@code model,quantity,term,value}).
   *
   * @param resource resource name
   * @return its rows in order
   */
  public static List<Value> longFormat(String resource) {
    List<String> lines = lines(resource);
    List<String> head = splitCsv(lines.get(0));
    int im = head.indexOf("model");
    int iq = head.indexOf("quantity");
    int it = head.indexOf("term");
    int iv = head.indexOf("value");
    List<Value> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = splitCsv(line);
      String v = f.get(iv);
      double d = v.equals("NA") || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
      out.add(new Value(f.get(im), f.get(iq), it < 0 ? "" : f.get(it), d));
    }
    return out;
  }

  /**
   * Finds one value of a long reference file.
   *
   * @param values the rows
   * @param model model name
   * @param quantity quantity name
   * @param term term name (empty when the quantity has none)
   * @return the value
   * @throws IllegalArgumentException when absent
   */
  public static double get(List<Value> values, String model, String quantity, String term) {
    return find(values, model, quantity, term)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no reference value for model '"
                        + model
                        + "', quantity '"
                        + quantity
                        + "', term '"
                        + term
                        + "'"));
  }

  /**
   * Finds one value of a long reference file.
   *
   * @param values the rows
   * @param model model name
   * @param quantity quantity name
   * @param term term name
   * @return the value, if present
   */
  public static Optional<Double> find(
      List<Value> values, String model, String quantity, String term) {
    for (Value v : values) {
      if (v.model().equals(model) && v.quantity().equals(quantity) && v.term().equals(term)) {
        return Optional.of(v.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a CSV resource into columns keyed by header (values as strings).
   *
   * @param resource resource name
   * @return ordered map column → values
   */
  public static Map<String, List<String>> columns(String resource) {
    List<String> lines = lines(resource);
    List<String> head = splitCsv(lines.get(0));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String h : head) {
      out.put(h, new ArrayList<>());
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> f = splitCsv(line);
      for (int i = 0; i < head.size(); i++) {
        out.get(head.get(i)).add(i < f.size() ? f.get(i) : "");
      }
    }
    return out;
  }

  /**
   * Reads a numeric column of a CSV resource ({@code NA} and empty as NaN).
   *
   * @param resource resource name
   * @param column column name
   * @return the values
   */
  public static double[] numeric(String resource, String column) {
    List<String> vals = columns(resource).get(column);
    if (vals == null) {
      throw new IllegalArgumentException("no column '" + column + "' in " + resource);
    }
    double[] out = new double[vals.size()];
    for (int i = 0; i < out.length; i++) {
      String v = vals.get(i);
      out[i] = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
    }
    return out;
  }

  /**
   * Writes text to a temporary file (for tests that need a file path).
   *
   * @param dir a directory (JUnit {@code @TempDir})
   * @param name file name
   * @param content text
   * @return the path
   */
  public static Path write(Path dir, String name, String content) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
