package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.core.Note;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.CollaborationNetwork;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.SpilloverResult;
import org.econ4j.spatial.Spillovers;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j spillover}: adds spillover columns &Sigma;<sub>j</sub> w<sub>ij</sub>(t)
 * X<sub>jt</sub> to a panel, through a static weight matrix or a yearly collaboration network.
 */
@Command(
    name = "spillover",
    mixinStandardHelpOptions = true,
    description = {
      "Add spillover columns W*x to a panel (needs --index unit,time).",
      "  --weights W.csv     a static weight matrix (edge list from,to,weight, e.g. from 'econ4j"
          + " weights')",
      "  --network edges.csv a time-varying network of counts (from,to,period,count), one W_t per"
          + " period"
    })
final class SpilloverCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--weights",
      paramLabel = "W.csv",
      description = "Static weights: a CSV edge list with header from,to[,weight].")
  Path weights;

  @Option(
      names = "--network",
      paramLabel = "EDGES.csv",
      description = "Time-varying network records: a CSV file with from, to, period and count.")
  Path network;

  @Option(
      names = "--network-cols",
      defaultValue = "from,to,year,count",
      paramLabel = "FROM,TO,PERIOD,COUNT",
      description = "Column names of the network file (default: ${DEFAULT-VALUE}).")
  String networkCols;

  @Option(
      names = "--normalize",
      defaultValue = "share",
      paramLabel = "HOW",
      description =
          "Network weights per period: share | row | column | binary | counts (default:"
              + " ${DEFAULT-VALUE}).")
  String normalize;

  @Option(
      names = "--directed",
      description = "Network records are directed (i -> j only); default: symmetric.")
  boolean directed;

  @Option(
      names = "--window",
      defaultValue = "1",
      paramLabel = "PERIODS",
      description =
          "Network periods summed into W_t: 1 = period t only, k = the last k periods, 0 ="
              + " cumulative (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--standardize",
      defaultValue = "none",
      paramLabel = "STYLE",
      description =
          "Standardisation applied to --weights after reading: none | row | column | minmax |"
              + " spectral | ... (default: ${DEFAULT-VALUE}, the weights as written).")
  String standardize;

  @Option(
      names = "--islands",
      defaultValue = "error",
      paramLabel = "POLICY",
      description =
          "Units of --weights without neighbours: error | zero | drop (default:"
              + " ${DEFAULT-VALUE}).")
  String islands;

  @Option(
      names = "--var",
      required = true,
      split = ",",
      paramLabel = "X,Y",
      description = "Numeric columns to spill over.")
  List<String> vars;

  @Option(
      names = "--lag",
      defaultValue = "0",
      paramLabel = "L",
      description = "Use W_{t-L} X_{t-L} (default: ${DEFAULT-VALUE}).")
  int lag;

  @Option(
      names = "--prefix",
      defaultValue = "W_",
      paramLabel = "PREFIX",
      description = "Prefix of the new column names (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(
      names = "--units",
      defaultValue = "error",
      paramLabel = "POLICY",
      description =
          "Units in the panel but not in the weights (or vice versa): error | ignore (default:"
              + " ${DEFAULT-VALUE}).")
  String units;

  @Option(
      names = "--missing",
      defaultValue = "propagate",
      paramLabel = "POLICY",
      description =
          "Missing neighbour values: propagate | skip | renormalize (default: ${DEFAULT-VALUE}).")
  String missing;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      description = "Write the panel with the new columns here (default: stdout, text format).")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text | json: the summary printed on stdout (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    boolean json = SpatialIo.json(format);
    if ((weights == null) == (network == null)) {
      throw new CliException(
          weights == null
              ? "no weights given; use --weights W.csv (static) or --network edges.csv"
                  + " (time-varying)"
              : "options '--weights' and '--network' were both given; use one of them");
    }
    if (dataOptions.index == null) {
      throw new CliException(
          "spillover columns need the panel index; add --index unit,time (for a cross-section"
              + " use a constant time column)");
    }
    if (lag < 0) {
      throw new CliException("option '--lag' is " + lag + "; expected a lag >= 0");
    }
    Spillovers.UnitPolicy unitPolicy = unitPolicy(units);
    Spillovers.MissingPolicy missingPolicy;
    try {
      missingPolicy = Spillovers.MissingPolicy.parse(missing);
    } catch (IllegalArgumentException e) {
      throw new CliException("option '--missing': " + e.getMessage());
    }
    Panel panel = dataOptions.read();
    Spillovers sp;
    String source;
    List<Note> notes = new ArrayList<>();
    if (weights != null) {
      IslandPolicy policy = SpatialIo.islands(islands);
      Standardization st = SpatialIo.standardization(standardize);
      WeightMatrix w = SpatialIo.readWeights(weights, policy);
      if (st != Standardization.NONE) {
        w = w.standardize(st);
      }
      notes.addAll(w.notes());
      sp = Spillovers.of(w);
      source = "weights";
    } else {
      String[] cols = networkCols.split(",", -1);
      if (cols.length != 4 || java.util.Arrays.stream(cols).anyMatch(String::isBlank)) {
        throw new CliException(
            "option '--network-cols' needs four column names (from,to,period,count), got '"
                + networkCols
                + "'");
      }
      CollaborationNetwork.Normalization norm;
      try {
        norm = CollaborationNetwork.Normalization.parse(normalize);
      } catch (IllegalArgumentException e) {
        throw new CliException("option '--normalize': " + e.getMessage());
      }
      SpatialIo.requireFile(network, "network");
      Panel records = Panel.readCsv(network);
      CollaborationNetwork net =
          CollaborationNetwork.fromPanel(
                  records, cols[0].trim(), cols[1].trim(), cols[2].trim(), cols[3].trim(), directed)
              .withNormalization(norm)
              .withWindow(window);
      notes.addAll(net.notes());
      sp = Spillovers.of(net);
      source = "network";
    }
    sp = sp.withLag(lag).withPrefix(prefix).withUnitPolicy(unitPolicy).withMissing(missingPolicy);
    SpilloverResult r = sp.apply(panel, vars);
    notes.addAll(r.notes());
    PrintWriter o = spec.commandLine().getOut();
    if (out != null) {
      r.panel().writeCsv(out);
    } else if (!json) {
      StringWriter sw = new StringWriter();
      r.panel().writeCsv(sw);
      o.print(sw);
      o.flush();
      return Main.OK;
    }
    if (json) {
      ObjectNode doc = Json.document();
      doc.put("source", source);
      doc.put("file", (weights != null ? weights : network).toString());
      doc.put("rows", r.panel().rows());
      doc.put("lag", lag);
      if (network != null) {
        doc.put("normalization", normalize.trim().toLowerCase(Locale.ROOT));
        doc.put("window", window);
        doc.put("directed", directed);
      }
      ArrayNode added = doc.putArray("added");
      for (int v = 0; v < vars.size(); v++) {
        String col = r.columns().get(v);
        double[] values = r.panel().numeric(col);
        int miss = 0;
        for (double d : values) {
          if (Double.isNaN(d)) {
            miss++;
          }
        }
        ObjectNode a = added.addObject();
        a.put("column", col);
        a.put("variable", vars.get(v));
        a.put("missing", miss);
      }
      doc.put("out", out == null ? null : out.toString());
      doc.set("notes", Json.notes(notes));
      o.print(Json.write(doc));
    } else {
      o.println(
          "added "
              + String.join(", ", r.columns())
              + " to "
              + r.panel().rows()
              + " rows; written to "
              + out);
      for (Note n : notes) {
        o.println("note: " + n.message());
      }
    }
    o.flush();
    return Main.OK;
  }

  private static Spillovers.UnitPolicy unitPolicy(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    if (n.equals("error")) {
      return Spillovers.UnitPolicy.ERROR;
    }
    if (n.equals("ignore")) {
      return Spillovers.UnitPolicy.IGNORE;
    }
    throw new CliException(
        "option '--units' has the unknown value '" + s + "'; use error or ignore");
  }
}
