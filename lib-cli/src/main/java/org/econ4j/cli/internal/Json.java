package org.econ4j.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.econ4j.core.Econ4j;
import org.econ4j.core.Note;

/**
 * JSON building for the command's public documents (schema in docs/cli.md): camelCase keys, numbers
 * as JSON numbers, NaN and infinities as null, and every document carrying {@code "econ4j":
 * "<version>"}.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * @return a new document with the {@code econ4j} version key set
   */
  public static ObjectNode document() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("econ4j", Econ4j.version());
    return n;
  }

  /**
   * @return a new empty object
   */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * @return a new empty array
   */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * Puts a number, writing null for NaN or infinity.
   *
   * @param node target
   * @param key key
   * @param value value
   */
  public static void number(ObjectNode node, String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }

  /**
   * Puts a count-like number (degrees of freedom): an integer when the value is integral, null for
   * NaN or infinity.
   *
   * @param node target
   * @param key key
   * @param value value
   */
  public static void count(ObjectNode node, String key, double value) {
    if (!Double.isNaN(value)
        && !Double.isInfinite(value)
        && value == Math.rint(value)
        && Math.abs(value) < 1e15) {
      node.put(key, (long) value);
    } else {
      number(node, key, value);
    }
  }

  /**
   * Adds a number to an array, null for NaN or infinity.
   *
   * @param node target
   * @param value value
   */
  public static void add(ArrayNode node, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.addNull();
    } else {
      node.add(value);
    }
  }

  /**
   * Notes as {@code [{"kind", "count", "message", "names"}]}.
   *
   * @param notes the notes
   * @return the array
   */
  public static ArrayNode notes(List<Note> notes) {
    ArrayNode a = array();
    for (Note n : notes) {
      ObjectNode o = a.addObject();
      o.put("kind", n.kind().jsonName());
      o.put("count", n.count());
      o.put("message", n.message());
      ArrayNode names = o.putArray("names");
      for (String s : n.names()) {
        names.add(s);
      }
    }
    return a;
  }

  /**
   * @param node a document
   * @return pretty-printed JSON text ending with a newline
   */
  public static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }
}
