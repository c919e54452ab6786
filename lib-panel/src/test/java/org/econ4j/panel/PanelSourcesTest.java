package org.econ4j.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.econ4j.core.SpecificationException;
import org.junit.jupiter.api.Test;

class PanelSourcesTest {
  enum Region {
    ASIA,
    EUROPE
  }

  public record Country(
      String iso, int year, double gdp, Double pop, boolean oecd, Region region, BigDecimal r) {}

  public record Bad(String iso, java.time.LocalDate date) {}

  public record Empty() {}

  public record Empty2(int a) {}

  @Test
  void fromRecords() {
    Panel p =
        Panel.fromRecords(
            List.of(
                new Country("CHN", 2000, 1.5, 1400.0, false, Region.ASIA, new BigDecimal("0.25")),
                new Country(null, 2001, 2.5, null, true, null, null)));
    assertThat(p.columnNames()).containsExactly("iso", "year", "gdp", "pop", "oecd", "region", "r");
    assertThat(p.labels("iso")).containsExactly("CHN", null);
    assertThat(p.numeric("year")).containsExactly(2000, 2001);
    assertThat(p.numeric("pop")).containsExactly(1400, Double.NaN);
    assertThat(p.numeric("oecd")).containsExactly(0, 1);
    assertThat(p.labels("region")).containsExactly("ASIA", null);
    assertThat(p.numeric("r")).containsExactly(0.25, Double.NaN);
  }

  @Test
  void fromRecordsErrors() {
    assertThatThrownBy(() -> Panel.fromRecords(List.<Country>of()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "fromRecords got an empty list; a panel needs at least one record to know its columns");
    assertThatThrownBy(() -> Panel.fromRecords(List.of(new Bad("a", java.time.LocalDate.MIN))))
        .hasMessage(
            "record component 'date' of Bad has type LocalDate, which a panel cannot hold; use a"
                + " number, boolean, String or enum component");
    List<Record> mixed = new java.util.ArrayList<>();
    mixed.add(new Empty2(1));
    mixed.add(new Bad("a", null));
    assertThatThrownBy(() -> Panel.fromRecords(mixed))
        .hasMessage("record 2 is a Bad but the first is a Empty2; give records of one type");
    List<Record> withNull = new java.util.ArrayList<>();
    withNull.add(new Empty2(1));
    withNull.add(null);
    assertThatThrownBy(() -> Panel.fromRecords(withNull))
        .hasMessage("record 2 of the list is null; remove null entries");
    assertThatThrownBy(() -> Panel.fromRecords(List.of(new Empty())))
        .hasMessage("record Empty has no components; a panel needs columns");
  }

  /** A fake result set over in-memory rows (a Proxy; no database needed). */
  static ResultSet fake(String[] labels, int[] types, Object[][] rows) {
    ResultSetMetaData md =
        (ResultSetMetaData)
            Proxy.newProxyInstance(
                PanelSourcesTest.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class},
                (proxy, m, args) -> {
                  switch (m.getName()) {
                    case "getColumnCount":
                      return labels.length;
                    case "getColumnLabel":
                    case "getColumnName":
                      return labels[(Integer) args[0] - 1];
                    case "getColumnType":
                      return types[(Integer) args[0] - 1];
                    default:
                      throw new UnsupportedOperationException(m.getName());
                  }
                });
    int[] pos = {-1};
    boolean[] wasNull = {false};
    return (ResultSet)
        Proxy.newProxyInstance(
            PanelSourcesTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, m, args) -> {
              switch (m.getName()) {
                case "getMetaData":
                  return md;
                case "next":
                  pos[0]++;
                  return pos[0] < rows.length;
                case "wasNull":
                  return wasNull[0];
                case "getDouble":
                  {
                    Object v = rows[pos[0]][(Integer) args[0] - 1];
                    wasNull[0] = v == null;
                    return v == null ? 0.0 : ((Number) v).doubleValue();
                  }
                case "getBoolean":
                  {
                    Object v = rows[pos[0]][(Integer) args[0] - 1];
                    wasNull[0] = v == null;
                    return v != null && (Boolean) v;
                  }
                case "getString":
                  {
                    Object v = rows[pos[0]][(Integer) args[0] - 1];
                    wasNull[0] = v == null;
                    return v == null ? null : v.toString();
                  }
                default:
                  throw new SQLException("unsupported in fake: " + m.getName());
              }
            });
  }

  @Test
  void fromResultSet() {
    Object[][] rows = new Object[70][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] =
          new Object[] {
            i % 3 == 0 ? null : "u" + i,
            2000 + i,
            i == 5 ? null : i * 0.5,
            i % 2 == 0,
            java.sql.Date.valueOf("2020-01-01")
          };
    }
    ResultSet rs =
        fake(
            new String[] {"unit", "year", "x", "flag", "day"},
            new int[] {Types.VARCHAR, Types.INTEGER, Types.DOUBLE, Types.BOOLEAN, Types.DATE},
            rows);
    Panel p = Panel.fromResultSet(rs);
    assertThat(p.rows()).isEqualTo(70);
    assertThat(p.type("unit")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(p.label("unit", 0)).isNull();
    assertThat(p.label("unit", 1)).isEqualTo("u1");
    assertThat(p.value("year", 69)).isEqualTo(2069);
    assertThat(p.value("x", 5)).isNaN();
    assertThat(p.value("x", 6)).isEqualTo(3);
    assertThat(p.value("flag", 0)).isEqualTo(1);
    assertThat(p.label("day", 0)).isEqualTo("2020-01-01");
  }

  @Test
  void fromResultSetErrors() {
    ResultSet dup =
        fake(new String[] {"a", "a"}, new int[] {Types.INTEGER, Types.INTEGER}, new Object[0][]);
    assertThatThrownBy(() -> Panel.fromResultSet(dup))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "the result set has two columns labelled 'a' (columns 1 and 2); give them distinct"
                + " labels with AS in the query");
    ResultSet broken =
        fake(new String[] {"a"}, new int[] {Types.BLOB}, new Object[][] {{new Object[0]}});
    ResultSet failing =
        (ResultSet)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ResultSet.class},
                (proxy, m, args) -> {
                  throw new SQLException("connection closed");
                });
    assertThatThrownBy(() -> Panel.fromResultSet(failing))
        .hasMessage(
            "cannot read the JDBC result set: connection closed; check the query and that the"
                + " result set is open")
        .hasCauseInstanceOf(SQLException.class);
    assertThat(Panel.fromResultSet(broken).type("a")).isEqualTo(ColumnType.CATEGORICAL);
    ResultSet none = fake(new String[0], new int[0], new Object[0][]);
    assertThatThrownBy(() -> Panel.fromResultSet(none))
        .hasMessage("the result set has no columns; select at least one column");
  }
}
