package org.econ4j.panel.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import org.econ4j.core.SpecificationException;

/**
 * Columns from Java records (by reflection on {@link Class#getRecordComponents()}) and from JDBC
 * result sets. Values are returned as {@code double[]} (numeric) or {@code String[]} (categorical,
 * null = missing). Not a public API.
 */
public final class RecordColumns {
  private RecordColumns() {}

  /**
   * Columns of a list of records.
   *
   * @param records the records
   * @return name → {@code double[]} or {@code String[]}
   */
  public static LinkedHashMap<String, Object> columns(List<? extends Record> records) {
    if (records.isEmpty()) {
      throw new SpecificationException(
          "fromRecords got an empty list; a panel needs at least one record to know its columns");
    }
    Class<?> type = records.get(0).getClass();
    RecordComponent[] comps = type.getRecordComponents();
    if (comps.length == 0) {
      throw new SpecificationException(
          "record " + type.getSimpleName() + " has no components; a panel needs columns");
    }
    int n = records.size();
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent rc : comps) {
      Class<?> t = rc.getType();
      Method acc = rc.getAccessor();
      acc.trySetAccessible();
      boolean numeric = isNumber(t) || t == boolean.class || t == Boolean.class;
      boolean text = t == String.class || t.isEnum() || t == char.class || t == Character.class;
      if (!numeric && !text) {
        throw new SpecificationException(
            "record component '"
                + rc.getName()
                + "' of "
                + type.getSimpleName()
                + " has type "
                + t.getSimpleName()
                + ", which a panel cannot hold; use a number, boolean, String or enum component");
      }
      double[] d = numeric ? new double[n] : null;
      String[] s = text ? new String[n] : null;
      for (int i = 0; i < n; i++) {
        Record r = records.get(i);
        if (r == null) {
          throw new SpecificationException(
              "record " + (i + 1) + " of the list is null; remove null entries");
        }
        if (r.getClass() != type) {
          throw new SpecificationException(
              "record "
                  + (i + 1)
                  + " is a "
                  + r.getClass().getSimpleName()
                  + " but the first is a "
                  + type.getSimpleName()
                  + "; give records of one type");
        }
        Object v;
        try {
          v = acc.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new SpecificationException(
              "cannot read component '"
                  + rc.getName()
                  + "' of record "
                  + type.getSimpleName()
                  + ": "
                  + e
                  + "; make the record class accessible (public)",
              e);
        }
        if (numeric) {
          d[i] =
              v == null
                  ? Double.NaN
                  : v instanceof Boolean ? (((Boolean) v) ? 1 : 0) : ((Number) v).doubleValue();
        } else {
          s[i] = v == null ? null : v instanceof Enum ? ((Enum<?>) v).name() : v.toString();
        }
      }
      out.put(rc.getName(), numeric ? d : s);
    }
    return out;
  }

  private static boolean isNumber(Class<?> t) {
    return t == int.class
        || t == long.class
        || t == double.class
        || t == float.class
        || t == short.class
        || t == byte.class
        || Number.class.isAssignableFrom(t);
  }

  /**
   * Columns of a result set (read to its end).
   *
   * @param rs the result set
   * @return label → {@code double[]} or {@code String[]}
   */
  public static LinkedHashMap<String, Object> columns(ResultSet rs) {
    try {
      ResultSetMetaData md = rs.getMetaData();
      int k = md.getColumnCount();
      String[] names = new String[k];
      int[] kind = new int[k]; // 0 number, 1 boolean, 2 text
      for (int j = 0; j < k; j++) {
        names[j] = md.getColumnLabel(j + 1);
        if (names[j] == null || names[j].isEmpty()) {
          names[j] = md.getColumnName(j + 1);
        }
        for (int l = 0; l < j; l++) {
          if (names[l].equals(names[j])) {
            throw new SpecificationException(
                "the result set has two columns labelled '"
                    + names[j]
                    + "' (columns "
                    + (l + 1)
                    + " and "
                    + (j + 1)
                    + "); give them distinct labels with AS in the query");
          }
        }
        kind[j] = kindOf(md.getColumnType(j + 1));
      }
      double[][] num = new double[k][];
      String[][] txt = new String[k][];
      for (int j = 0; j < k; j++) {
        if (kind[j] == 2) {
          txt[j] = new String[64];
        } else {
          num[j] = new double[64];
        }
      }
      int n = 0;
      while (rs.next()) {
        if (n == (kind.length == 0 ? Integer.MAX_VALUE : cap(num, txt))) {
          for (int j = 0; j < k; j++) {
            if (num[j] != null) {
              num[j] = java.util.Arrays.copyOf(num[j], n * 2);
            } else {
              txt[j] = java.util.Arrays.copyOf(txt[j], n * 2);
            }
          }
        }
        for (int j = 0; j < k; j++) {
          if (kind[j] == 0) {
            double v = rs.getDouble(j + 1);
            num[j][n] = rs.wasNull() ? Double.NaN : v;
          } else if (kind[j] == 1) {
            boolean v = rs.getBoolean(j + 1);
            num[j][n] = rs.wasNull() ? Double.NaN : v ? 1 : 0;
          } else {
            txt[j][n] = rs.getString(j + 1);
          }
        }
        n++;
      }
      LinkedHashMap<String, Object> out = new LinkedHashMap<>();
      for (int j = 0; j < k; j++) {
        out.put(
            names[j],
            num[j] != null
                ? java.util.Arrays.copyOf(num[j], n)
                : java.util.Arrays.copyOf(txt[j], n));
      }
      return out;
    } catch (SQLException e) {
      throw new SpecificationException(
          "cannot read the JDBC result set: "
              + e.getMessage()
              + "; check the query and that the result set is open",
          e);
    }
  }

  private static int cap(double[][] num, String[][] txt) {
    return num[0] != null ? num[0].length : txt[0].length;
  }

  private static int kindOf(int sqlType) {
    switch (sqlType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
      case Types.NUMERIC:
      case Types.DECIMAL:
        return 0;
      case Types.BIT:
      case Types.BOOLEAN:
        return 1;
      default:
        return 2;
    }
  }
}
