package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.Coordinates;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.Metric;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;
import org.econ4j.spatial.WeightSpec;
import org.econ4j.spatial.WeightSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code econ4j weights}: a distance-based spatial weight matrix from a coordinates file, written
 * as a CSV edge list ({@code from,to,weight}) with a summary as text or JSON.
 */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {
      "Build a spatial weight matrix from coordinates and write it as an edge list (from,to,weight).",
      "  --type knn:k | band:d1,d2 | idw:alpha[,cutoff] | exp:alpha[,cutoff] | kernel:name,h |"
          + " kernel:name,knn:k",
      "  distances in km (great-circle) with --lon/--lat, in coordinate units with --x/--y"
    })
final class WeightsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--coords",
      required = true,
      paramLabel = "FILE.csv",
      description = "Coordinates: a CSV file with one row per unit.")
  Path coords;

  @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "Unit id column.")
  String id;

  @Option(names = "--lon", paramLabel = "COLUMN", description = "Longitude column (degrees).")
  String lon;

  @Option(names = "--lat", paramLabel = "COLUMN", description = "Latitude column (degrees).")
  String lat;

  @Option(names = "--x", paramLabel = "COLUMN", description = "Planar x column.")
  String x;

  @Option(names = "--y", paramLabel = "COLUMN", description = "Planar y column.")
  String y;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "SPEC",
      description = "Kind of weights, e.g. knn:5, band:0,250, idw:2,250, kernel:triangular,100.")
  String type;

  @Option(
      names = "--standardize",
      defaultValue = "none",
      paramLabel = "STYLE",
      description =
          "none | binary | row | column | global | unit | variance | minmax | spectral, or an"
              + " spdep letter B W C U S (default: ${DEFAULT-VALUE}).")
  String standardize;

  @Option(
      names = "--islands",
      defaultValue = "error",
      paramLabel = "POLICY",
      description = "Units without neighbours: error | zero | drop (default: ${DEFAULT-VALUE}).")
  String islands;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      description = "Write the edge list here (default: stdout, text format only).")
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
    boolean lonLat = lon != null || lat != null;
    boolean planar = x != null || y != null;
    if (lonLat == planar) {
      throw new CliException(
          lonLat
              ? "options '--lon/--lat' and '--x/--y' were both given; use --lon and --lat for"
                  + " degrees or --x and --y for planar coordinates"
              : "no coordinate columns given; use --lon and --lat for degrees or --x and --y for"
                  + " planar coordinates");
    }
    if (lonLat && (lon == null || lat == null)) {
      throw new CliException(
          "option '"
              + (lon == null ? "--lon" : "--lat")
              + "' is missing; give both --lon and --lat");
    }
    if (planar && (x == null || y == null)) {
      throw new CliException(
          "option '" + (x == null ? "--x" : "--y") + "' is missing; give both --x and --y");
    }
    WeightSpec ws = WeightSpec.parse(type);
    IslandPolicy policy = SpatialIo.islands(islands);
    Standardization st = SpatialIo.standardization(standardize);
    SpatialIo.requireFile(coords, "coordinates");
    Panel p = Panel.readCsv(coords);
    Metric metric = lonLat ? Metric.GREAT_CIRCLE : Metric.EUCLIDEAN;
    Coordinates c = Coordinates.fromPanel(p, id, lonLat ? lon : x, lonLat ? lat : y, metric);
    WeightMatrix w = WeightMatrix.fromCoordinates(c, ws, policy);
    if (st != Standardization.NONE) {
      w = w.standardize(st);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (out != null) {
      w.writeCsv(out);
    } else if (!json) {
      StringWriter sw = new StringWriter();
      w.writeCsv(sw);
      o.print(sw);
      o.flush();
      return Main.OK;
    }
    WeightSummary s = w.summary();
    if (json) {
      ObjectNode doc = Json.document();
      doc.put("n", s.n());
      doc.put("links", s.links());
      Json.number(doc, "percentNonZero", s.percentNonZero());
      Json.number(doc, "averageLinks", s.averageLinks());
      Json.number(doc, "s0", s.s0());
      Json.number(doc, "s1", s.s1());
      Json.number(doc, "s2", s.s2());
      ArrayNode isl = doc.putArray("islands");
      s.islands().forEach(isl::add);
      doc.put("standardization", s.standardization().cliName());
      doc.put("type", ws.toString());
      doc.put("metric", lonLat ? "great-circle" : "euclidean");
      doc.put("islandPolicy", policy.name().toLowerCase(java.util.Locale.ROOT));
      doc.put("symmetric", w.isSymmetric());
      if (out == null) {
        doc.putNull("out");
      } else {
        doc.put("out", out.toString());
      }
      doc.set("notes", Json.notes(w.notes()));
      o.print(Json.write(doc));
    } else {
      o.println(s);
      o.println("written to " + out);
    }
    o.flush();
    return Main.OK;
  }
}
