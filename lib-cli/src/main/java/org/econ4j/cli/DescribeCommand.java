package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.cli.internal.Records;
import org.econ4j.core.Note;
import org.econ4j.core.table.Table;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.ColumnType;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelIndex;
import org.econ4j.panel.describe.CoefficientOfVariation;
import org.econ4j.panel.describe.Correlations;
import org.econ4j.panel.describe.Growth;
import org.econ4j.panel.describe.Shares;
import org.econ4j.panel.describe.Summary;
import org.econ4j.panel.describe.XtSum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j describe}: descriptive tables of a data file, as text, Markdown, LaTeX, HTML, CSV
 * or JSON.
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Descriptive statistics of a CSV file.",
      "  summary  N, mean, sd, min, p25, median, p75, max per variable (per --by group)",
      "  xtsum    overall / between / within variation (needs --index)",
      "  corr     correlation matrix with means and sds (per --by group; --listwise)",
      "  shares   totals (of the first --vars column, or row counts), shares, cumulative shares, ranks by --by",
      "  growth   year-on-year change, growth multiple, CAGR, exponential growth (needs --index or --time)",
      "  cv       coefficient of variation across units per period (needs --index or --time)"
    })
final class DescribeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin TableOutputOptions output;

  @Option(
      names = "--vars",
      split = ",",
      paramLabel = "A,B,C",
      description = "Variables to describe (default: every numeric column except the index).")
  List<String> vars;

  @Option(names = "--by", paramLabel = "COLUMN", description = "Group or category column.")
  String by;

  @Option(
      names = "--by2",
      paramLabel = "COLUMN",
      description = "Second category column (shares by two categories).")
  String by2;

  @Option(
      names = "--what",
      defaultValue = "summary",
      paramLabel = "KIND",
      description = "summary | xtsum | corr | shares | growth | cv (default: ${DEFAULT-VALUE}).")
  String what;

  @Option(
      names = "--time",
      paramLabel = "COLUMN",
      description = "Time column for growth and cv when there is no --index.")
  String time;

  @Option(
      names = "--from",
      paramLabel = "T0",
      description = "growth: first period of the rates (default: first period).")
  Double from;

  @Option(
      names = "--to",
      paramLabel = "T1",
      description = "growth: last period of the rates (default: last period).")
  Double to;

  @Option(
      names = "--listwise",
      description = "corr: listwise deletion instead of pairwise-complete.")
  boolean listwise;

  @Override
  public Integer call() {
    String kind = what.trim().toLowerCase(Locale.ROOT);
    List<String> kinds = List.of("summary", "xtsum", "corr", "shares", "growth", "cv");
    if (!kinds.contains(kind)) {
      throw new CliException(
          "option '--what' has the unknown value '"
              + what
              + "'; use one of "
              + String.join(", ", kinds));
    }
    boolean json = output.json();
    TableFormat tf = output.tableFormat();
    Panel panel = dataOptions.read();
    List<Note> readNotes = new ArrayList<>();
    if (panel.rows() < dataOptions.rowsRead) {
      readNotes.add(Output.subsetNote(dataOptions, panel.rows()));
    }
    List<String> variables = variables(panel);
    ObjectNode doc = Json.document();
    doc.put("what", kind);
    Table table;
    List<Note> notes;
    switch (kind) {
      case "summary":
        {
          Summary s = Summary.of(panel, variables.toArray(new String[0]));
          if (by != null) {
            s = s.withBy(by);
          }
          table = s.toTable();
          notes = s.notes();
          doc.put("by", by);
          doc.set("statistics", Records.toJson(s.rows()));
          break;
        }
      case "xtsum":
        {
          XtSum x = XtSum.of(panel, variables.toArray(new String[0]));
          table = x.toTable();
          notes = x.notes();
          doc.put("unit", x.unitColumn());
          doc.set("statistics", Records.toJson(x.rows()));
          break;
        }
      case "corr":
        {
          Correlations c = Correlations.of(panel, variables.toArray(new String[0]));
          if (listwise) {
            c = c.withListwise();
          }
          if (by != null) {
            c = c.withBy(by);
          }
          table = c.toTable();
          notes = c.notes();
          doc.put("missing", c.missing().name().toLowerCase(Locale.ROOT));
          ArrayNode vs = doc.putArray("variables");
          c.variables().forEach(vs::add);
          ArrayNode blocks = doc.putArray("blocks");
          for (Correlations.Block b : c.blocks()) {
            ObjectNode o = blocks.addObject();
            o.put("name", b.name());
            o.put("rows", b.rows());
            ArrayNode stats = o.putArray("statistics");
            for (String v : c.variables()) {
              ObjectNode sv = stats.addObject();
              sv.put("variable", v);
              sv.put("n", b.n(v));
              Json.number(sv, "mean", b.mean(v));
              Json.number(sv, "sd", b.sd(v));
            }
            ArrayNode m = o.putArray("matrix");
            for (double[] row : b.matrix()) {
              ArrayNode r = m.addArray();
              for (double d : row) {
                Json.add(r, d);
              }
            }
          }
          break;
        }
      case "shares":
        {
          if (by == null) {
            throw new CliException(
                "describe --what shares needs --by COLUMN (the category); add e.g. --by region");
          }
          boolean counts = vars == null || vars.isEmpty();
          Shares s = counts ? Shares.counts(panel, by) : Shares.of(panel, vars.get(0), by);
          if (by2 != null) {
            s = s.withBy2(by2);
          }
          table = s.toTable();
          notes = s.notes();
          doc.put("value", counts ? null : vars.get(0));
          doc.put("by", by);
          doc.put("by2", by2);
          Json.number(doc, "grandTotal", s.grandTotal());
          doc.set("shares", Records.toJson(s.rows()));
          break;
        }
      case "growth":
        {
          String t = timeColumn(panel, "growth");
          if (variables.size() != 1) {
            throw new CliException(
                "describe --what growth takes one variable in --vars, got "
                    + variables.size()
                    + " ("
                    + String.join(", ", variables)
                    + "); give one, e.g. --vars copat");
          }
          Growth g = Growth.of(panel, variables.get(0), t);
          if (by != null) {
            g = g.withBy(by);
          }
          double[] times = g.times();
          if (times.length == 0) {
            throw new CliException(
                "describe --what growth found no periods; check --vars and --subset");
          }
          double t0 = from == null ? times[0] : from;
          double t1 = to == null ? times[times.length - 1] : to;
          Growth.Rates rates = g.rates(t0, t1);
          table = g.toTable();
          Table rt = rates.toTable();
          notes = rates.notes();
          doc.put("variable", variables.get(0));
          doc.put("time", t);
          doc.put("by", by);
          ArrayNode ta = doc.putArray("times");
          for (double d : times) {
            Json.add(ta, d);
          }
          ArrayNode series = doc.putArray("series");
          for (String grp : g.groups()) {
            ObjectNode o = series.addObject();
            o.put("group", grp);
            Records.put(o, "values", g.series(grp));
            Records.put(o, "yearOnYear", g.yearOnYear(grp));
          }
          ObjectNode total = doc.putObject("total");
          Records.put(total, "values", g.total());
          Records.put(total, "yearOnYear", g.yearOnYearTotal());
          doc.set("rates", Records.toJson(rates.rows()));
          doc.set("totalRate", Records.toJson(rates.total()));
          if (!json) {
            output.write(
                spec.commandLine(),
                table.render(tf) + "\n" + rt.render(tf) + Output.notesText(readNotes));
            return Main.OK;
          }
          break;
        }
      default:
        {
          String t = timeColumn(panel, "cv");
          if (variables.size() != 1) {
            throw new CliException(
                "describe --what cv takes one variable in --vars, got "
                    + variables.size()
                    + "; give one, e.g. --vars gdp");
          }
          CoefficientOfVariation cv = CoefficientOfVariation.of(panel, variables.get(0), t);
          table = cv.toTable();
          notes = cv.notes();
          doc.put("variable", variables.get(0));
          doc.put("time", t);
          doc.set("periods", Records.toJson(cv.rows()));
          break;
        }
    }
    List<Note> all = new ArrayList<>(readNotes);
    all.addAll(notes);
    if (json) {
      doc.put("nobs", panel.rows());
      doc.put("nobsOriginal", dataOptions.rowsRead);
      doc.set("notes", Json.notes(all));
      ObjectNode timings = doc.putObject("timings");
      timings.put("readMs", dataOptions.readMs);
      output.write(spec.commandLine(), Json.write(doc));
    } else {
      output.write(spec.commandLine(), table.render(tf) + Output.notesText(readNotes));
    }
    return Main.OK;
  }

  private String timeColumn(Panel panel, String kind) {
    if (time != null) {
      return time;
    }
    return panel
        .index()
        .map(PanelIndex::timeColumn)
        .orElseThrow(
            () ->
                new CliException(
                    "describe --what "
                        + kind
                        + " needs a time column; add --index unit,time or --time COLUMN"));
  }

  private List<String> variables(Panel panel) {
    if (vars != null && !vars.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (String v : vars) {
        String s = v.trim();
        if (!s.isEmpty()) {
          panel.type(s); // unknown column → error listing the known ones
          out.add(s);
        }
      }
      return out;
    }
    List<String> skip = new ArrayList<>();
    panel.index().ifPresent(ix -> skip.addAll(Arrays.asList(ix.unitColumn(), ix.timeColumn())));
    if (time != null) {
      skip.add(time);
    }
    if (by != null) {
      skip.add(by);
    }
    List<String> out = new ArrayList<>();
    for (String c : panel.columnNames()) {
      if (panel.type(c) == ColumnType.NUMERIC && !skip.contains(c)) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      throw new CliException(
          "the data have no numeric column to describe; name columns with --vars");
    }
    return out;
  }
}
