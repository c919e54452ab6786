package org.econ4j.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.econ4j.core.Coefficient;
import org.econ4j.core.Convergence;
import org.econ4j.core.DroppedTerm;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.inference.VcovEstimate;

/**
 * One fitted model as a JSON object of the {@code fit} document (schema in docs/cli.md): formula,
 * model, nobs, nobsOriginal, dof, coefficients, dropped, vcov, the fit statistics that apply,
 * notes, convergence.
 */
public final class ResultJson {
  private ResultJson() {}

  /**
   * @param r the result
   * @return the model object (without timings, which the command adds)
   */
  public static ObjectNode model(RegressionResult r) {
    ObjectNode m = Json.object();
    m.put("formula", r.formula());
    m.put("model", r.model());
    m.put("dependentVariable", r.dependentVariable());
    m.put("nobs", r.nobs());
    m.put("nobsOriginal", r.nobsOriginal());
    Json.count(m, "dof", r.dof());
    m.put("statisticType", r.usesZ() ? "z" : "t");
    Json.number(m, "confidenceLevel", r.confidenceLevel());
    ArrayNode coefs = m.putArray("coefficients");
    for (Coefficient c : r.coefficients()) {
      ObjectNode o = coefs.addObject();
      o.put("term", c.term());
      Json.number(o, "estimate", c.estimate());
      Json.number(o, "stdError", c.stdError());
      Json.number(o, "statistic", c.statistic());
      Json.number(o, "pValue", c.pValue());
      Json.number(o, "ciLow", c.ciLow());
      Json.number(o, "ciHigh", c.ciHigh());
    }
    ArrayNode dropped = m.putArray("dropped");
    for (DroppedTerm d : r.dropped()) {
      ObjectNode o = dropped.addObject();
      o.put("term", d.term());
      o.put("reason", d.reason().jsonName());
      ArrayNode with = o.putArray("with");
      d.with().forEach(with::add);
    }
    ArrayNode fe = m.putArray("fixedEffects");
    r.fixedEffectNames().forEach(fe::add);
    m.set("vcov", vcov(r));
    for (Map.Entry<String, Double> e : r.fitStats().asMap().entrySet()) {
      Json.number(m, e.getKey(), e.getValue());
    }
    m.set("notes", Json.notes(r.notes()));
    Convergence cv = r.convergence();
    ObjectNode conv = m.putObject("convergence");
    conv.put("converged", cv.converged());
    conv.put("iterations", cv.iterations());
    Json.number(conv, "tolerance", cv.tolerance());
    Json.number(conv, "lastChange", cv.lastChange());
    return m;
  }

  /**
   * @param r the result
   * @return {@code {"type", "label", "clusters", "ssc", "df", "matrix"}}
   */
  public static ObjectNode vcov(RegressionResult r) {
    VcovEstimate v = r.vcov();
    ObjectNode o = Json.object();
    o.put("type", v.vcov().spec());
    o.put("label", v.label());
    ArrayNode cl = o.putArray("clusters");
    List<Integer> counts = v.clusters();
    List<String> names =
        v.vcov() instanceof Vcov.Cluster ? ((Vcov.Cluster) v.vcov()).variables() : List.of();
    for (int i = 0; i < counts.size(); i++) {
      ObjectNode c = cl.addObject();
      c.put("variable", i < names.size() ? names.get(i) : "");
      c.put("count", counts.get(i));
    }
    o.put("ssc", v.ssc().name());
    Json.count(o, "df", v.tDf());
    ArrayNode terms = o.putArray("terms");
    r.keptTerms().forEach(terms::add);
    ArrayNode mat = o.putArray("matrix");
    for (double[] row : r.vcovMatrix()) {
      ArrayNode a = mat.addArray();
      for (double d : row) {
        Json.add(a, d);
      }
    }
    return o;
  }
}
