package org.econ4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.econ4j.cli.internal.Json;
import org.econ4j.panel.Panel;
import org.econ4j.spatial.IslandPolicy;
import org.econ4j.spatial.MoranResult;
import org.econ4j.spatial.MoranTest;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code econ4j moran}: Moran's I test of a variable, analytic or by permutation. */
@Command(
    name = "moran",
    mixinStandardHelpOptions = true,
    description = {
      "Moran's I test of spatial autocorrelation of one variable (one row per unit).",
      "  analytic inference under randomisation (default) or normality, as spdep's moran.test;",
      "  --permutations N for a seeded permutation test, as spdep's moran.mc"
    })
final class MoranCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "Unit id column.")
  String id;

  @Option(names = "--var", required = true, paramLabel = "COLUMN", description = "The variable.")
  String var;

  @Option(
      names = "--weights",
      required = true,
      paramLabel = "W.csv",
      description = "The weights: a CSV edge list with header from,to[,weight].")
  Path weights;

  @Option(
      names = "--standardize",
      defaultValue = "none",
      paramLabel = "STYLE",
      description =
          "Standardisation applied after reading: none | row | binary | ... (default:"
              + " ${DEFAULT-VALUE}, the weights as written; spdep's moran.test usually uses row).")
  String standardize;

  @Option(
      names = "--islands",
      defaultValue = "error",
      paramLabel = "POLICY",
      description = "Units without neighbours: error | zero | drop (default: ${DEFAULT-VALUE}).")
  String islands;

  @Option(
      names = "--inference",
      defaultValue = "randomisation",
      paramLabel = "KIND",
      description = "Analytic moments: randomisation | normality (default: ${DEFAULT-VALUE}).")
  String inference;

  @Option(
      names = "--alternative",
      defaultValue = "greater",
      paramLabel = "H1",
      description = "greater | less | two-sided (default: ${DEFAULT-VALUE}).")
  String alternative;

  @Option(
      names = "--permutations",
      paramLabel = "N",
      description = "Permutation test with N draws instead of analytic inference, e.g. 999.")
  Integer permutations;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed of the permutations (default: " + MoranTest.DEFAULT_SEED + ").")
  Long seed;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text | json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    boolean json = SpatialIo.json(format);
    MoranTest test = MoranTest.defaults();
    try {
      test = test.withAlternative(MoranTest.Alternative.parse(alternative));
    } catch (IllegalArgumentException e) {
      throw new CliException("option '--alternative': " + e.getMessage());
    }
    String inf = inference.trim().toLowerCase(Locale.ROOT);
    if (inf.equals("randomisation") || inf.equals("randomization")) {
      test = test.withInference(MoranTest.Inference.RANDOMISATION);
    } else if (inf.equals("normality")) {
      test = test.withInference(MoranTest.Inference.NORMALITY);
    } else {
      throw new CliException(
          "option '--inference' has the unknown value '"
              + inference
              + "'; use randomisation or normality (or --permutations N)");
    }
    if (permutations != null) {
      test = test.withPermutations(permutations);
    }
    if (seed != null) {
      if (permutations == null) {
        throw new CliException(
            "option '--seed' needs --permutations N; add e.g. --permutations 999");
      }
      test = test.withSeed(seed);
    }
    IslandPolicy policy = SpatialIo.islands(islands);
    Standardization st = SpatialIo.standardization(standardize);
    WeightMatrix w = SpatialIo.readWeights(weights, policy);
    if (st != Standardization.NONE) {
      w = w.standardize(st);
    }
    Panel p = dataOptions.read();
    double[] values = p.numeric(var);
    double[] x = w.align(Arrays.asList(p.labels(id)), values);
    MoranResult r = permutations == null ? test.moran(x, w) : test.permutation(x, w);
    PrintWriter o = spec.commandLine().getOut();
    String infName = r.inference().name().toLowerCase(Locale.ROOT);
    String altName = r.alternative().name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (json) {
      ObjectNode doc = Json.document();
      doc.put("variable", var);
      Json.number(doc, "I", r.statistic());
      Json.number(doc, "expectation", r.expectation());
      Json.number(doc, "variance", r.variance());
      Json.number(doc, "z", r.z());
      Json.number(doc, "pValue", r.pValue());
      doc.put("inference", infName);
      doc.put("alternative", altName);
      doc.put("n", r.n());
      doc.put("permutations", r.permutations());
      o.print(Json.write(doc));
    } else {
      o.println("Moran's I test of '" + var + "' (" + infName + ", alternative " + altName + ")");
      o.println(String.format(Locale.ROOT, "  I            %.10g", r.statistic()));
      o.println(String.format(Locale.ROOT, "  expectation  %.10g", r.expectation()));
      o.println(String.format(Locale.ROOT, "  variance     %.10g", r.variance()));
      o.println(String.format(Locale.ROOT, "  z            %.10g", r.z()));
      o.println(String.format(Locale.ROOT, "  p-value      %.6g", r.pValue()));
      o.println(
          "  n = " + r.n() + (r.permutations() > 0 ? ", permutations = " + r.permutations() : ""));
    }
    o.flush();
    return Main.OK;
  }
}
