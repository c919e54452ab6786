package org.econ4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import org.econ4j.core.RegressionResult;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.table.RegressionTable;
import org.econ4j.core.table.TableFormat;
import org.econ4j.count.ConditionalNegBin;
import org.econ4j.panel.FeOls;
import org.econ4j.panel.HausmanTest;
import org.econ4j.panel.Panel;
import org.econ4j.panel.describe.Correlations;
import org.econ4j.panel.describe.Summary;
import org.econ4j.panel.formula.Formula;
import org.econ4j.spatial.CollaborationNetwork;
import org.econ4j.spatial.Coordinates;
import org.econ4j.spatial.Metric;
import org.econ4j.spatial.Spillovers;
import org.econ4j.spatial.Standardization;
import org.econ4j.spatial.WeightMatrix;
import org.econ4j.spatial.WeightSpec;

/**
 * The model halves of the demo's studies, each a pure function of the bundled data returning
 * rendered text. The formulas shown here are the ones a user would type; see docs/demo.md.
 */
public final class Studies {
  private Studies() {}

  /** The policy year that splits the co-patenting panel into before and after. */
  public static final int POLICY_YEAR = 2013;

  private static Formula f(String s) {
    return Formula.parse(s);
  }

  /**
   * Study 1: the gravity model of co-patenting, FE-OLS with country fixed effects, nested models
   * (1)–(4), t-values in brackets, clustered by country; distance, language and contiguity are
   * absorbed by the country effects and shown as such.
   *
   * @param cop the co-patenting panel
   * @param tf the table format
   * @return the rendered table
   */
  public static String gravity(Panel cop, TableFormat tf) {
    FeOls ols = FeOls.defaults().withVcov(Vcov.cluster("iso3"));
    String base = "log(copat) ~ log(pat_cn) + log(pat_partner)";
    List<RegressionResult> rs = new ArrayList<>();
    rs.add(ols.fit(f(base + " | iso3"), cop));
    rs.add(ols.fit(f(base + " + tech_prox + log(dist_km) | iso3"), cop));
    rs.add(
        ols.fit(
            f(base + " + tech_prox + log(dist_km) + log(gdp_diff) + lang + contig | iso3"), cop));
    rs.add(
        ols.fit(
            f(
                base
                    + " + tech_prox + log(dist_km) + log(gdp_diff) + lang + contig + log(pop) | iso3 + year"),
            cop));
    return RegressionTable.of(rs)
        .withStatistic(RegressionTable.Statistic.T)
        .withCaption(
            "Study 1. Gravity model of China-partner co-patenting: FE-OLS, log joint patents")
        .render(tf);
  }

  /** The lagged regressors of study 2 (all lagged one year). */
  private static final String LAGGED =
      "l(log(pat_partner), 1) + l(log(pat_cn), 1) + l(tech_prox, 1) + l(log(gdp_diff), 1)"
          + " + l(log(pop), 1) + treated";

  /**
   * Study 2, step 1: the FE vs RE Hausman test on the lagged specification (log1p of the count).
   *
   * @param cop the co-patenting panel
   * @param tf the table format
   * @return the rendered test
   */
  public static String hausman(Panel cop, TableFormat tf) {
    HausmanTest h = HausmanTest.classic(f("log1p(copat) ~ " + LAGGED), cop);
    return h.toTable().render(tf);
  }

  /**
   * Study 2, step 2: the conditional FE negative binomial (Stata {@code xtnbreg, fe}) with all
   * regressors lagged one year, six nested models, SEs clustered by country; then the same full
   * model before and after the policy year; then the OLS robustness table.
   *
   * @param cop the co-patenting panel
   * @param tf the table format
   * @return the rendered tables
   */
  public static String negbin(Panel cop, TableFormat tf) {
    ConditionalNegBin nb = ConditionalNegBin.defaults();
    Vcov cl = Vcov.cluster("iso3");
    String[] terms = LAGGED.split(" \\+ ");
    List<RegressionResult> nested = new ArrayList<>();
    StringBuilder rhs = new StringBuilder();
    for (String t : terms) {
      rhs.append(rhs.length() == 0 ? "" : " + ").append(t.trim());
      nested.add(nb.fit(f("copat ~ " + rhs), cop, cl));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        RegressionTable.of(nested)
            .withCaption(
                "Study 2. Conditional FE negative binomial (xtnbreg, fe), regressors lagged 1 year")
            .render(tf));
    out.append('\n');
    Panel lagged = withLags(cop);
    String full = "copat ~ L_pat_partner + L_pat_cn + L_tech_prox + L_gdp_diff + L_pop + treated";
    Panel before = lagged.filter("year < " + POLICY_YEAR);
    Panel after = lagged.filter("year >= " + POLICY_YEAR);
    List<RegressionResult> split = new ArrayList<>();
    split.add(nb.fit(f(full), lagged, cl));
    split.add(nb.fit(f(full.replace(" + treated", "")), before, cl));
    split.add(nb.fit(f(full), after, cl));
    out.append(
        RegressionTable.of(split)
            .withTitles("All years", "Before " + POLICY_YEAR, POLICY_YEAR + " on")
            .withCaption("Study 2. Before and after the policy year (L_ = lagged one year)")
            .render(tf));
    out.append('\n');
    FeOls ols = FeOls.defaults().withVcov(cl);
    List<RegressionResult> rob = new ArrayList<>();
    rob.add(ols.fit(f("log1p(copat) ~ " + LAGGED + " | iso3"), cop));
    rob.add(ols.fit(f("log1p(copat) ~ " + LAGGED + " | iso3 + year"), cop));
    out.append(
        RegressionTable.of(rob)
            .withCaption("Study 2. Robustness: FE-OLS of log(1 + co-patents)")
            .render(tf));
    return out.toString();
  }

  /** Adds the one-year lags used by the split samples, so that filtering by year keeps them. */
  static Panel withLags(Panel cop) {
    return cop.withColumn("L_pat_partner", "l(log(pat_partner), 1)")
        .withColumn("L_pat_cn", "l(log(pat_cn), 1)")
        .withColumn("L_tech_prox", "l(tech_prox, 1)")
        .withColumn("L_gdp_diff", "l(log(gdp_diff), 1)")
        .withColumn("L_pop", "l(log(pop), 1)");
  }

  /**
   * Study 4: spillovers through the yearly co-publication network (weights P_ijt / P_jt) and
   * through geographic proximity (1/d², column-standardised); international collaboration
   * intensity; summary statistics with correlation matrices for all, leading and lagging regions;
   * the conditional FE negative binomial with year dummies and one-year-lagged regressors for the
   * three samples side by side.
   *
   * @param regions the region-year panel
   * @param network the co-publication records
   * @param tf the table format
   * @return the rendered tables
   */
  public static String spillovers(Panel regions, Panel network, TableFormat tf) {
    List<String> ids = regions.categorical("region").levels();
    CollaborationNetwork net =
        CollaborationNetwork.fromPanel(network, "from", "to", "year", "copubs", false)
            .withUnits(ids)
            .withTotals(regions, "pubs")
            .withNormalization(CollaborationNetwork.Normalization.SHARE);
    Panel first = regions.filter("year == " + DemoData.REGION_FIRST_YEAR);
    WeightMatrix geo =
        WeightMatrix.fromCoordinates(
                Coordinates.fromPanel(first, "region", "lon", "lat", Metric.GREAT_CIRCLE),
                WeightSpec.inverseDistance(2))
            .standardize(Standardization.COLUMN);
    Panel p =
        regions.withColumn("log_rd", "log(rd_funding)").withColumn("log_nano", "log1p(nano_pat)");
    p = Spillovers.of(net).withPrefix("NET_").apply(p, List.of("log_nano", "log_rd")).panel();
    p = Spillovers.of(geo).withPrefix("GEO_").apply(p, List.of("log_nano", "log_rd")).panel();
    p = p.withColumn("ci", "intl_copubs / pubs");
    String[] vars = {
      "nano_pat", "NET_log_nano", "NET_log_rd", "GEO_log_nano", "GEO_log_rd", "ci", "log_rd"
    };
    StringBuilder out = new StringBuilder();
    out.append(Summary.of(p, vars).toTable().render(tf));
    out.append('\n');
    double[] lead = p.numeric("leading");
    boolean[] isLead = new boolean[lead.length];
    boolean[] isLag = new boolean[lead.length];
    for (int i = 0; i < lead.length; i++) {
      isLead[i] = lead[i] == 1;
      isLag[i] = lead[i] == 0;
    }
    out.append(
        Correlations.of(p, "nano_pat", "NET_log_nano", "GEO_log_nano", "ci", "log_rd")
            .withSubsample("leading", isLead)
            .withSubsample("lagging", isLag)
            .toTable()
            .render(tf));
    out.append('\n');
    String model =
        "nano_pat ~ l(NET_log_nano, 1) + l(NET_log_rd, 1) + l(GEO_log_nano, 1) + l(GEO_log_rd, 1)"
            + " + l(ci, 1) + l(log_rd, 1) + factor(year)";
    ConditionalNegBin nb = ConditionalNegBin.defaults();
    Vcov cl = Vcov.cluster("region");
    List<RegressionResult> rs = new ArrayList<>();
    rs.add(nb.fit(f(model), p, cl));
    rs.add(nb.fit(f(model), p.filter("leading == 1"), cl));
    rs.add(nb.fit(f(model), p.filter("leading == 0"), cl));
    out.append(
        RegressionTable.of(rs)
            .withTitles("All", "Leading", "Lagging")
            .withDrop("^factor\\(year\\)")
            .withCaption(
                "Study 4. Spillovers: conditional FE negative binomial, year dummies (not shown)")
            .render(tf));
    return out.toString();
  }
}
