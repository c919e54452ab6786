package org.econ4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.econ4j.cli.demo.DemoData;
import org.econ4j.cli.demo.Studies;
import org.econ4j.core.table.TableFormat;
import org.econ4j.panel.Panel;
import org.econ4j.panel.describe.CoefficientOfVariation;
import org.econ4j.panel.describe.Growth;
import org.econ4j.panel.describe.Shares;
import org.econ4j.panel.describe.Summary;
import org.econ4j.panel.describe.XtSum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j demo}: the studies econ4j is built for, run end to end on the bundled synthetic
 * data ({@link DemoData}). Output fits a 100-column terminal.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the bundled studies on deterministic synthetic data:",
      "a China-partner co-patenting panel (60 countries x 20 years) and a region-year panel (30 x 15)."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text | markdown | latex | html | csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--write-data",
      paramLabel = "DIR",
      description = "Also write the bundled data as CSV files into this directory.")
  Path writeData;

  @Override
  public Integer call() throws IOException {
    TableFormat tf = Output.parseFormat(format, false);
    PrintWriter w = spec.commandLine().getOut();
    Panel cop = DemoData.copatents();
    Panel reg = DemoData.regions();
    Panel net = DemoData.copublications();
    if (writeData != null) {
      try {
        Files.createDirectories(writeData);
        cop.writeCsv(writeData.resolve("copatents.csv"));
        reg.writeCsv(writeData.resolve("regions.csv"));
        net.writeCsv(writeData.resolve("copublications.csv"));
      } catch (IOException | UncheckedIOException e) {
        throw new CliException(
            "could not write the demo data into '"
                + writeData
                + "' ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "); give a directory (created if missing) with --write-data");
      }
      w.println("Wrote copatents.csv, regions.csv and copublications.csv to " + writeData);
      w.println();
    }

    w.println("econ4j demo: synthetic data, fixed seeds (see docs/demo.md)");
    w.println();
    section(w, "Study 1: China-partner co-patenting, 60 partner countries x 20 years (2000-2019)");
    w.print(
        Summary.of(
                cop,
                "copat",
                "pat_cn",
                "pat_partner",
                "tech_prox",
                "gdp_diff",
                "pop",
                "dist_km",
                "lang")
            .toTable()
            .render(tf));
    w.println();
    w.print(XtSum.of(cop, "copat", "tech_prox").toTable().render(tf));
    w.println();
    w.print(Shares.of(cop, "copat", "region").toTable().render(tf));
    w.println();
    w.print(topPartners(cop, tf));
    w.println();
    Growth g = Growth.of(cop, "copat", "year").withBy("region");
    w.print(g.rates(2000, 2019).toTable().render(tf));
    w.println();
    w.print(Growth.of(cop, "copat", "year").toTable().render(tf));
    w.println();
    w.print(CoefficientOfVariation.of(cop, "copat", "year").toTable().render(tf));
    w.println();
    w.print(wrap(Studies.gravity(cop, tf)));
    w.println();
    section(w, "Study 2: Hausman test, then the FE negative binomial (regressors lagged one year)");
    w.print(wrap(Studies.hausman(cop, tf)));
    w.println();
    w.print(wrap(Studies.negbin(cop, tf)));
    w.println();

    section(w, "Study 4: regional spillovers, 30 regions x 15 years (2005-2019)");
    w.print(
        Summary.of(reg, "nano_pat", "pubs", "intl_copubs", "rd_funding", "gdp")
            .withBy("leading")
            .toTable()
            .render(tf));
    w.println();
    w.print(
        Growth.of(reg, "nano_pat", "year")
            .withBy("leading")
            .rates(2005, 2019)
            .toTable()
            .render(tf));
    w.println();
    w.print(Summary.of(net, "copubs").toTable().render(tf));
    w.println();
    w.print(wrap(Studies.spillovers(reg, net, tf)));
    w.flush();
    return Main.OK;
  }

  /** The ranking by partner country is long: show the ten largest partners. */
  private static String topPartners(Panel cop, TableFormat tf) {
    Shares s = Shares.of(cop, "copat", "country");
    java.util.List<Shares.Row> rows = new java.util.ArrayList<>(s.rows());
    rows.sort(java.util.Comparator.comparingInt(Shares.Row::rank));
    org.econ4j.core.table.Table.Builder b =
        org.econ4j.core.table.Table.builder(
                java.util.List.of("country", "co-patents", "share %", "cumulative %", "rank"))
            .caption(
                "Co-patents with China 2000-2019: the ten largest of "
                    + rows.size()
                    + " partner countries");
    double cum = 0;
    for (int k = 0; k < Math.min(10, rows.size()); k++) {
      Shares.Row r = rows.get(k);
      cum += r.share();
      b.row(
          r.category(),
          org.econ4j.core.table.Format.auto(r.total(), 1),
          org.econ4j.core.table.Format.fixed(r.share(), 2),
          org.econ4j.core.table.Format.fixed(cum, 2),
          Integer.toString(r.rank()));
    }
    return b.build().render(tf);
  }

  /** Wraps lines longer than 100 characters (long notes under tables) at spaces. */
  static String wrap(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String rest = line;
      while (rest.length() > 100) {
        int cut = rest.lastIndexOf(' ', 99);
        if (cut <= 10) {
          break;
        }
        sb.append(rest, 0, cut).append('\n');
        rest = "  " + rest.substring(cut + 1);
      }
      sb.append(rest).append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  private static void section(PrintWriter w, String title) {
    w.println(title);
    w.println("=".repeat(Math.min(99, title.length())));
    w.println();
  }
}
