package org.econ4j.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns result records (e.g. {@code Summary.Row}) into JSON objects whose keys are the record
 * component names (camelCase by construction): numbers as JSON numbers, NaN and infinities as null.
 */
public final class Records {
  private Records() {}

  /**
   * @param record a record instance
   * @return the JSON object
   */
  public static ObjectNode toJson(Record record) {
    ObjectNode o = Json.object();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read record component " + c.getName(), e);
      }
      put(o, c.getName(), v);
    }
    return o;
  }

  /**
   * @param records records
   * @return a JSON array of objects
   */
  public static ArrayNode toJson(Collection<? extends Record> records) {
    ArrayNode a = Json.array();
    for (Record r : records) {
      a.add(toJson(r));
    }
    return a;
  }

  /**
   * Puts any simple value under a key (numbers, strings, booleans, optionals, arrays of doubles).
   *
   * @param o target
   * @param key key
   * @param v value
   */
  public static void put(ObjectNode o, String key, Object v) {
    if (v == null) {
      o.putNull(key);
    } else if (v instanceof Double || v instanceof Float) {
      Json.number(o, key, ((Number) v).doubleValue());
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      o.put(key, ((Number) v).longValue());
    } else if (v instanceof Boolean) {
      o.put(key, (Boolean) v);
    } else if (v instanceof OptionalDouble) {
      OptionalDouble d = (OptionalDouble) v;
      if (d.isPresent()) {
        Json.number(o, key, d.getAsDouble());
      } else {
        o.putNull(key);
      }
    } else if (v instanceof Optional) {
      Optional<?> opt = (Optional<?>) v;
      put(o, key, opt.orElse(null));
    } else if (v instanceof double[]) {
      ArrayNode a = o.putArray(key);
      for (double d : (double[]) v) {
        Json.add(a, d);
      }
    } else if (v instanceof Record) {
      o.set(key, toJson((Record) v));
    } else {
      o.put(key, v.toString());
    }
  }
}
