package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.cli.internal.ResultJson;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.HausmanTest;
import org.econ4j.panel.Panel;
import org.econ4j.panel.PanelLinearModel;
import org.econ4j.panel.formula.Formula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j hausman}: fixed vs random effects. The classic statistic (plm {@code phtest}, Stata
 * {@code hausman}) or the cluster-robust regression-based (Mundlak) version.
 */
@Command(
    name = "hausman",
    mixinStandardHelpOptions = true,
    description = {
      "Hausman test of fixed vs random effects for a formula without fixed effects;",
      "the unit effect comes from --index. Example:",
      "  econ4j hausman --data grunfeld.csv --formula \"inv ~ value + capital\" --index firm,year"
    })
final class HausmanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin TableOutputOptions output;

  @Option(
      names = "--formula",
      required = true,
      paramLabel = "FORMULA",
      description = "Formula without fixed effects, e.g. \"y ~ x1 + x2\".")
  String formula;

  @Option(
      names = "--method",
      defaultValue = "classic",
      paramLabel = "METHOD",
      description =
          "classic (iid FE and RE covariances) | mundlak (regression-based, clustered by unit unless"
              + " --vcov) (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--vcov",
      paramLabel = "TYPE",
      description =
          "mundlak: covariance of the augmented regression (default cluster on the unit).")
  String vcov;

  @Override
  public Integer call() {
    boolean json = output.json();
    TableFormat tf = output.tableFormat();
    String m = method.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("classic") && !m.equals("mundlak")) {
      throw new CliException(
          "option '--method' has the unknown value '" + method + "'; use classic or mundlak");
    }
    if (vcov != null && m.equals("classic")) {
      throw new CliException(
          "option '--vcov' applies to --method mundlak only; the classic test uses iid covariances");
    }
    if (dataOptions.index == null) {
      throw new CliException(
          "the Hausman test needs the panel index; add --index unit,time (the unit effect)");
    }
    Formula f = Formula.parse(formula);
    Panel panel = dataOptions.read();
    List<Note> extra = new ArrayList<>();
    if (panel.rows() < dataOptions.rowsRead) {
      extra.add(Output.subsetNote(dataOptions, panel.rows()));
    }
    HausmanTest test;
    List<RegressionResult> models = new ArrayList<>();
    if (m.equals("classic")) {
      RegressionResult fe = PanelLinearModel.within().fit(f, panel);
      RegressionResult re = PanelLinearModel.random().fit(f, panel);
      models.add(fe);
      models.add(re);
      test = HausmanTest.of(fe, re);
    } else {
      test =
          vcov == null
              ? HausmanTest.mundlak(f, panel)
              : HausmanTest.mundlak(f, panel, Models.parseVcov(vcov));
    }
    List<Note> notes = new ArrayList<>(extra);
    notes.addAll(test.notes());
    if (json) {
      ObjectNode doc = Json.document();
      doc.put("test", "hausman");
      doc.put("method", m);
      doc.put("methodLabel", test.method());
      doc.put("formula", formula);
      Json.number(doc, "statistic", test.statistic());
      doc.put("df", test.df());
      Json.number(doc, "pValue", test.pValue());
      ArrayNode terms = doc.putArray("terms");
      test.terms().forEach(terms::add);
      ArrayNode ms = doc.putArray("models");
      for (RegressionResult r : models) {
        ms.add(ResultJson.model(r));
      }
      doc.set("notes", Json.notes(notes));
      ObjectNode t = doc.putObject("timings");
      t.put("readMs", dataOptions.readMs);
      output.write(spec.commandLine(), Json.write(doc));
      return Main.OK;
    }
    StringBuilder sb = new StringBuilder();
    if (!models.isEmpty()) {
      sb.append(
              RegressionTable.of(models)
                  .withTitles("Fixed effects", "Random effects")
                  .withCaption("Within and random-effects (Swamy-Arora) estimates")
                  .render(tf))
          .append('\n');
    }
    sb.append(test.toTable().render(tf));
    sb.append(Output.notesText(extra));
    output.write(spec.commandLine(), sb.toString());
    return Main.OK;
  }
}
