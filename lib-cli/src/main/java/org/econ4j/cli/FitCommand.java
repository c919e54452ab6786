package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.cli.internal.Records;
import org.econ4j.cli.internal.ResultJson;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.count.Irr;
import org.econ4j.panel.Panel;
import org.econ4j.panel.formula.Formula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j fit}: fits one or several formulas (nested models side by side) and prints a
 * regression table or the JSON document of docs/cli.md.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fits models and prints a regression table (several --formula: models side by side) or JSON.",
      "Example: econ4j fit --data trade.csv --formula \"log(Euros) ~ log(dist_km) | Origin + Destination\""
          + " --vcov cluster:Origin"
    })
final class FitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin TableOutputOptions output;

  @Option(
      names = "--formula",
      required = true,
      paramLabel = "FORMULA",
      description =
          "Model formula, e.g. \"y ~ x1 + l(x2, 1) | unit + year\"; repeat for nested models.")
  List<String> formulas;

  @Option(
      names = "--model",
      defaultValue = "ols",
      paramLabel = "MODEL",
      description =
          "ols | poisson | negbin | negbin-conditional | poisson-conditional (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--vcov",
      defaultValue = "iid",
      paramLabel = "TYPE",
      description =
          "iid | hetero | hc0 | hc1 | hc2 | hc3 | cluster:a | cluster:a+b | cluster:a^b | nw:L | dk:L"
              + " | conley:lat,lon,km"
              + " (default: ${DEFAULT-VALUE}).")
  String vcov;

  @Option(
      names = "--ssc",
      paramLabel = "PRESET",
      description =
          "Small-sample correction: fixest | stata-regress | stata-areg | stata-xtreg | stata-reghdfe"
              + " | stata-ppmlhdfe | plm | none (default: fixest for ols, poisson and negbin).")
  String ssc;

  @Option(names = "--weights", paramLabel = "COLUMN", description = "Observation weights.")
  String weights;

  @Option(names = "--offset", paramLabel = "COLUMN", description = "Offset (count models).")
  String offset;

  @Option(
      names = "--exposure",
      paramLabel = "COLUMN",
      description = "Exposure (count models): offset log(COLUMN).")
  String exposure;

  @Option(names = "--irr", description = "Count models: show incidence-rate ratios exp(b).")
  boolean irr;

  @Option(
      names = "--statistic",
      defaultValue = "se",
      paramLabel = "STAT",
      description = "Under the estimates: se | t | p | ci (default: ${DEFAULT-VALUE}).")
  String statistic;

  @Option(names = "--title", paramLabel = "TEXT", description = "Caption of the table.")
  String title;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      paramLabel = "N",
      description = "Fit each model N times in this JVM and report every fit time (warm timing).")
  int repeat;

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new CliException("option '--repeat' must be at least 1, got " + repeat);
    }
    boolean json = output.json();
    TableFormat tf = output.tableFormat();
    RegressionTable.Statistic stat = parseStatistic(statistic);
    Models.Spec modelSpec =
        new Models.Spec(
            Models.parseModel(model),
            Models.parseVcov(vcov),
            ssc == null ? null : SmallSampleCorrection.parse(ssc),
            weights,
            offset,
            exposure);
    if (irr) {
      CountModels.requireCount(modelSpec, "--irr");
    }
    List<Formula> parsed = new ArrayList<>();
    for (String f : formulas) {
      parsed.add(Formula.parse(f));
    }
    String vcovName = vcov.trim().toLowerCase(Locale.ROOT);
    if ((vcovName.startsWith("nw") || vcovName.startsWith("dk")) && dataOptions.index == null) {
      throw new CliException(
          "vcov '" + vcov + "' needs the time dimension of a panel; add --index unit,time");
    }
    Panel panel = withClusterCombinations(dataOptions.read(), vcov);
    if (weights != null) {
      DataOptions.requireColumn(panel, weights, "--weights");
    }
    if (offset != null) {
      DataOptions.requireColumn(panel, offset, "--offset");
    }
    if (exposure != null) {
      DataOptions.requireColumn(panel, exposure, "--exposure");
    }
    List<Note> extra = new ArrayList<>();
    if (panel.rows() < dataOptions.rowsRead) {
      extra.add(Output.subsetNote(dataOptions, panel.rows()));
    }
    List<RegressionResult> results = new ArrayList<>();
    List<long[]> timings = new ArrayList<>();
    for (Formula f : parsed) {
      RegressionResult r = null;
      long[] ms = new long[repeat];
      for (int k = 0; k < repeat; k++) {
        long t0 = System.nanoTime();
        r = Models.fit(modelSpec, f, panel);
        ms[k] = (System.nanoTime() - t0) / 1_000_000;
      }
      results.add(r);
      timings.add(ms);
    }
    if (json) {
      ObjectNode doc = Json.document();
      ArrayNode models = doc.putArray("models");
      for (int i = 0; i < results.size(); i++) {
        ObjectNode m = ResultJson.model(results.get(i));
        if (!extra.isEmpty()) {
          ArrayNode notes = (ArrayNode) m.get("notes");
          ArrayNode all = Json.notes(extra);
          all.addAll(notes);
          m.set("notes", all);
        }
        if (irr) {
          m.set("irr", Records.toJson(Irr.of(results.get(i))));
        }
        ObjectNode t = m.putObject("timings");
        t.put("readMs", dataOptions.readMs);
        t.put("fitMs", timings.get(i)[0]);
        ArrayNode rep = t.putArray("repeatFitMs");
        for (long v : timings.get(i)) {
          rep.add(v);
        }
        models.add(m);
      }
      output.write(spec.commandLine(), Json.write(doc));
      return Main.OK;
    }
    RegressionTable table = RegressionTable.of(results).withStatistic(stat);
    if (title != null) {
      table = table.withCaption(title);
    }
    StringBuilder text = new StringBuilder(table.render(tf));
    text.append(Output.notesText(extra));
    if (irr) {
      for (int i = 0; i < results.size(); i++) {
        text.append('\n').append(CountModels.irrTable(results.get(i), i + 1).render(tf));
      }
    }
    if (repeat > 1) {
      for (int i = 0; i < timings.size(); i++) {
        StringBuilder sb = new StringBuilder("fit times (ms) of model " + (i + 1) + ":");
        for (long v : timings.get(i)) {
          sb.append(' ').append(v);
        }
        text.append(sb).append('\n');
      }
    }
    output.write(spec.commandLine(), text.toString());
    return Main.OK;
  }

  /**
   * Adds a categorical column {@code a^b} for each cluster variable written as a combination
   * (fixest {@code vcov = ~a^b}: one cluster per observed pair), so that {@code --vcov cluster:a^b}
   * works.
   */
  static Panel withClusterCombinations(Panel panel, String vcov) {
    String v = vcov.trim();
    if (!v.toLowerCase(Locale.ROOT).startsWith("cluster:")) {
      return panel;
    }
    Panel p = panel;
    for (String name : v.substring("cluster:".length()).split("\\+", -1)) {
      String n = name.trim();
      if (!n.contains("^") || p.hasColumn(n)) {
        continue;
      }
      String[] parts = n.split("\\^", -1);
      String[][] labels = new String[parts.length][];
      for (int j = 0; j < parts.length; j++) {
        String part = parts[j].trim();
        if (!p.hasColumn(part)) {
          throw new CliException(
              "unknown cluster column '"
                  + part
                  + "' in vcov '"
                  + vcov
                  + "'; known columns: "
                  + String.join(", ", p.columnNames()));
        }
        labels[j] = p.labels(part);
      }
      String[] combined = new String[p.rows()];
      for (int i = 0; i < combined.length; i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < parts.length && sb != null; j++) {
          if (labels[j][i] == null) {
            sb = null;
          } else {
            sb.append(j == 0 ? "" : "^").append(labels[j][i]);
          }
        }
        combined[i] = sb == null ? null : sb.toString();
      }
      p = p.withCategorical(n, combined);
    }
    return p;
  }

  static RegressionTable.Statistic parseStatistic(String s) {
    try {
      return RegressionTable.Statistic.parse(s);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "option '--statistic' has the unknown value '" + s + "'; use one of se, t, p, ci");
    }
  }
}
