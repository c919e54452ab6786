package org.econ4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.econ4j.testing.ReferenceData;
import org.econ4j.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Command-level reference tests: {@code econ4j fit} and {@code econ4j hausman} run as a user would
 * run them (through {@link Main#run}), their JSON compared with fixest, plm and pglm on the
 * reference data (see the READMEs under {@code src/test/resources/reference/}).
 */
class CliReferenceTest {
  private static final String TRADE = "reference/fixest/fixest_trade.csv";
  private static final String BASE_DID = "reference/fixest/fixest_base_did.csv";
  private static final String PATENTS = "reference/pglm/pglm_PatentsRDUS.csv";
  private static final String GRUNFELD = "reference/plm/plm_Grunfeld.csv";
  private static final List<ReferenceData.Value> TRADE_REF =
      ReferenceData.longFormat("reference/fixest/ref_trade.csv");
  private static final List<ReferenceData.Value> DID_REF =
      ReferenceData.longFormat("reference/fixest/ref_eventstudy.csv");
  private static final List<ReferenceData.Value> PATENTS_REF =
      ReferenceData.longFormat("reference/pglm/ref_patents.csv");
  private static final List<ReferenceData.Value> GRUNFELD_REF =
      ReferenceData.longFormat("reference/plm/ref_grunfeld.csv");

  private static final String GRAVITY_OLS =
      "log(Euros) ~ log(dist_km) | Origin + Destination + Product + Year";
  private static final String GRAVITY_COUNT =
      "Euros ~ log(dist_km) | Origin + Destination + Product + Year";
  private static final String DIST = "log(dist_km)";

  /** Runs {@code econ4j fit ... --format json} and returns the single model of the document. */
  private static JsonNode fit(String data, String formula, String... options) throws Exception {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of("fit", "--data", ReferenceData.path(data).toString(), "--formula", formula));
    args.addAll(Arrays.asList(options));
    args.addAll(List.of("--format", "json"));
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("econ4j").asText()).isNotBlank();
    assertThat(doc.get("models")).hasSize(1);
    return doc.get("models").get(0);
  }

  private static JsonNode coefficient(JsonNode model, String term) {
    for (JsonNode c : model.get("coefficients")) {
      if (c.get("term").asText().equals(term)) {
        return c;
      }
    }
    throw new AssertionError("no coefficient '" + term + "' in " + model.get("coefficients"));
  }

  private static void assertRel(String what, double actual, double expected, double tol) {
    assertThat(Tolerances.relErr(actual, expected))
        .as("%s: econ4j %s, reference %s", what, actual, expected)
        .isLessThan(tol);
  }

  private static double trade(String model, String quantity, String term) {
    return ReferenceData.get(TRADE_REF, model, quantity, term);
  }

  @Test
  void gravityFeOlsMatchesFixestEstimateAndFitStatistics() throws Exception {
    JsonNode m = fit(TRADE, GRAVITY_OLS);
    assertThat(m.get("model").asText()).isEqualTo("ols");
    assertThat(m.get("dependentVariable").asText()).isEqualTo("log(Euros)");
    assertThat(m.get("nobs").asInt()).isEqualTo(38325);
    assertThat(m.get("nobsOriginal").asInt()).isEqualTo(38325);
    assertThat(m.get("statisticType").asText()).isEqualTo("t");
    assertThat(m.get("fixedEffects").toString())
        .isEqualTo("[\"Origin\",\"Destination\",\"Product\",\"Year\"]");
    assertThat(m.get("notes")).isEmpty();
    assertThat(m.get("dropped")).isEmpty();
    JsonNode c = coefficient(m, DIST);
    String ref = "feols_trade_4fe";
    assertRel("coef", c.get("estimate").asDouble(), trade(ref, "coef", DIST), Tolerances.COEF);
    assertRel("se iid", c.get("stdError").asDouble(), trade(ref, "se_iid", DIST), Tolerances.SE);
    // fixest: 58 parameters (1 slope + 60 FE levels - 3 redundant), t df = n - K
    assertThat(m.get("vcov").get("df").asDouble()).isEqualTo(38325 - 58);
    assertRel("r2", m.get("r2").asDouble(), trade(ref, "r2_", ""), Tolerances.COEF);
    assertRel("adjR2", m.get("adjR2").asDouble(), trade(ref, "adj_r2", ""), Tolerances.COEF);
    assertRel(
        "withinR2", m.get("withinR2").asDouble(), trade(ref, "within_r2", ""), Tolerances.COEF);
    assertRel("rmse", m.get("rmse").asDouble(), trade(ref, "rmse", ""), Tolerances.COEF);
    assertRel("logLik", m.get("logLik").asDouble(), trade(ref, "logLik", ""), Tolerances.COEF);
  }

  @ParameterizedTest(name = "--vcov {0} --ssc {1} = fixest {2}")
  @CsvSource({
    "iid, fixest, se_iid, 38267",
    "iid, none, se_iid_noKadj, ",
    "hetero, fixest, se_hetero_fixestdefault, 38267",
    "hc0, fixest, se_hetero_HC0, 38267",
    "cluster:Origin, fixest, se_cl_Origin_fixestdefault, 14",
    "cluster:Origin, none, se_cl_Origin_noadj, ",
    "cluster:Origin, stata-areg, se_cl_Origin_Kfixef_full, 14",
    "cluster:Origin+Destination, fixest, se_cl_twoway_Orig+Dest, 14",
  })
  void gravityFeOlsStandardErrorsMatchFixest(String vcov, String ssc, String quantity, Integer df)
      throws Exception {
    JsonNode m = fit(TRADE, GRAVITY_OLS, "--vcov", vcov, "--ssc", ssc);
    assertThat(m.get("vcov").get("ssc").asText()).isEqualTo(ssc);
    JsonNode c = coefficient(m, DIST);
    assertRel(
        "se " + quantity,
        c.get("stdError").asDouble(),
        trade("feols_trade_4fe", quantity, DIST),
        Tolerances.SE);
    if (df != null) {
      assertThat(m.get("vcov").get("df").asDouble()).isEqualTo(df.doubleValue());
    }
    if (vcov.startsWith("cluster:")) {
      assertThat(m.get("vcov").get("type").asText()).isEqualTo(vcov);
      assertThat(m.get("vcov").get("clusters").get(0).get("variable").asText()).isEqualTo("Origin");
      assertThat(m.get("vcov").get("clusters").get(0).get("count").asInt()).isEqualTo(15);
    }
  }

  @ParameterizedTest(name = "fepois --vcov {0} = fixest {1}")
  @CsvSource({
    "iid, se_iid",
    "hetero, se_hetero_fixestdefault",
    "cluster:Origin, se_cl_Origin_fixestdefault",
    "cluster:Origin+Destination, se_cl_twoway_Orig+Dest",
  })
  void gravityPoissonMatchesFixestFepois(String vcov, String quantity) throws Exception {
    JsonNode m = fit(TRADE, GRAVITY_COUNT, "--model", "poisson", "--vcov", vcov);
    String ref = "fepois_trade_4fe";
    assertThat(m.get("model").asText()).isEqualTo("poisson");
    assertThat(m.get("statisticType").asText()).isEqualTo("z");
    assertThat(m.get("vcov").get("df").isNull()).isTrue();
    JsonNode c = coefficient(m, DIST);
    assertRel("coef", c.get("estimate").asDouble(), trade(ref, "coef", DIST), Tolerances.COEF);
    assertRel(
        "se " + quantity, c.get("stdError").asDouble(), trade(ref, quantity, DIST), Tolerances.SE);
    assertRel("logLik", m.get("logLik").asDouble(), trade(ref, "logLik", ""), Tolerances.ML_COEF);
    assertRel(
        "deviance", m.get("deviance").asDouble(), trade(ref, "deviance", ""), Tolerances.ML_COEF);
    assertRel("pseudoR2", m.get("pseudoR2").asDouble(), trade(ref, "pr2", ""), Tolerances.ML_COEF);
    assertThat(m.get("convergence").get("converged").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "fenegbin --vcov {0} = fixest {1}")
  @CsvSource({"iid, se_iid", "cluster:Origin, se_cl_Origin_fixestdefault"})
  void gravityNegativeBinomialMatchesFixestFenegbin(String vcov, String quantity) throws Exception {
    JsonNode m = fit(TRADE, GRAVITY_COUNT, "--model", "negbin", "--vcov", vcov);
    String ref = "fenegbin_trade_4fe";
    assertThat(m.get("model").asText()).isEqualTo("negbin");
    JsonNode c = coefficient(m, DIST);
    assertRel("coef", c.get("estimate").asDouble(), trade(ref, "coef", DIST), Tolerances.ML_COEF);
    assertRel(
        "se " + quantity,
        c.get("stdError").asDouble(),
        trade(ref, quantity, DIST),
        Tolerances.ML_SE);
    assertRel("theta", m.get("theta").asDouble(), trade(ref, "theta", ""), Tolerances.ML_SE);
    assertRel("logLik", m.get("logLik").asDouble(), trade(ref, "logLik", ""), Tolerances.ML_COEF);
  }

  /**
   * pglm names {@code lag(log(rd), 0:5)k}; econ4j names {@code log(rd)} and {@code l(log(rd), k)}.
   */
  private static String patentsTerm(String pglmTerm) {
    String prefix = "lag(log(rd), 0:5)";
    if (pglmTerm.startsWith(prefix)) {
      int k = Integer.parseInt(pglmTerm.substring(prefix.length()));
      return k == 0 ? "log(rd)" : "l(log(rd), " + k + ")";
    }
    return pglmTerm;
  }

  private static void assertMatchesPglm(JsonNode m, String ref, String seQuantity) {
    int compared = 0;
    for (ReferenceData.Value v : PATENTS_REF) {
      if (!v.model().equals(ref) || !v.quantity().equals("coef")) {
        continue;
      }
      JsonNode c = coefficient(m, patentsTerm(v.term()));
      assertRel(v.term(), c.get("estimate").asDouble(), v.value(), Tolerances.ML_COEF);
      assertRel(
          "se " + v.term(),
          c.get("stdError").asDouble(),
          ReferenceData.get(PATENTS_REF, ref, seQuantity, v.term()),
          Tolerances.ML_SE);
      compared++;
    }
    assertThat(m.get("coefficients")).hasSize(compared);
  }

  @Test
  void conditionalNegativeBinomialMatchesPglmOnPatents() throws Exception {
    JsonNode m =
        fit(
            PATENTS,
            "patents ~ l(log(rd), 0:5) + scisect + log(capital72) + factor(year)",
            "--index",
            "cusip,year",
            "--model",
            "negbin-conditional");
    assertThat(m.get("model").asText()).isEqualTo("negbin-conditional");
    assertMatchesPglm(m, "pglm_negbin_within_HHG", "se_hessian");
    assertRel(
        "logLik",
        m.get("logLik").asDouble(),
        ReferenceData.get(PATENTS_REF, "pglm_negbin_within_HHG", "logLik", ""),
        Tolerances.ML_COEF);
    assertThat(m.get("nobs").asInt()).isEqualTo(1620);
    // 5 lags of 346 firms, and 22 firms without any patent in the sample: every dropped row a note
    long dropped = 0;
    for (JsonNode n : m.get("notes")) {
      dropped += n.get("count").asLong();
    }
    assertThat(dropped).isEqualTo(3460 - 1620);
  }

  @Test
  void conditionalPoissonMatchesPglmOnPatents() throws Exception {
    JsonNode m =
        fit(
            PATENTS,
            "patents ~ l(log(rd), 0:5) + factor(year)",
            "--index",
            "cusip,year",
            "--model",
            "poisson-conditional");
    assertMatchesPglm(m, "pglm_poisson_within", "se_hessian");
    assertRel(
        "logLik",
        m.get("logLik").asDouble(),
        ReferenceData.get(PATENTS_REF, "pglm_poisson_within", "logLik(conditional)", ""),
        Tolerances.ML_COEF);
  }

  @Test
  void firmFixedEffectsPoissonMatchesFixestFepoisOnPatents() throws Exception {
    JsonNode m =
        fit(
            PATENTS,
            "patents ~ l(log(rd), 0:5) + factor(year) | cusip",
            "--index",
            "cusip,year",
            "--model",
            "poisson");
    String ref = "fepois_firmFE_patents";
    for (int k = 0; k <= 5; k++) {
      JsonNode c = coefficient(m, k == 0 ? "log(rd)" : "l(log(rd), " + k + ")");
      assertRel(
          "lrd" + k,
          c.get("estimate").asDouble(),
          ReferenceData.get(PATENTS_REF, ref, "coef", "lrd" + k),
          Tolerances.COEF);
      assertRel(
          "se lrd" + k,
          c.get("stdError").asDouble(),
          ReferenceData.get(PATENTS_REF, ref, "se_iid", "lrd" + k),
          Tolerances.SE);
    }
    assertThat(m.get("nobs").asInt()).isEqualTo(1620);
  }

  @ParameterizedTest(name = "i(period, treat, 5) --vcov {0} = fixest {1}")
  @CsvSource({"iid, se_iid", "cluster:id, se_cl_id_fixestdefault"})
  void eventStudyWithPositionalReferenceMatchesFixest(String vcov, String quantity)
      throws Exception {
    JsonNode m = fit(BASE_DID, "y ~ x1 + i(period, treat, 5) | id + period", "--vcov", vcov);
    int compared = 0;
    for (ReferenceData.Value v : DID_REF) {
      if (!v.model().equals("twfe_es_base_did") || !v.quantity().equals("coef")) {
        continue;
      }
      JsonNode c = coefficient(m, v.term());
      assertRel(v.term(), c.get("estimate").asDouble(), v.value(), Tolerances.COEF);
      assertRel(
          "se " + v.term(),
          c.get("stdError").asDouble(),
          ReferenceData.get(DID_REF, "twfe_es_base_did", quantity, v.term()),
          Tolerances.SE);
      compared++;
    }
    assertThat(compared).isEqualTo(10);
    assertThat(m.get("coefficients")).hasSize(compared);
  }

  @Test
  void differenceInDifferencesInteractionMatchesFixest() throws Exception {
    JsonNode m = fit(BASE_DID, "y ~ x1 + treat:post | id + period", "--vcov", "cluster:id");
    for (String term : List.of("x1", "treat:post")) {
      JsonNode c = coefficient(m, term);
      assertRel(
          term,
          c.get("estimate").asDouble(),
          ReferenceData.get(DID_REF, "twfe_did_base_did", "coef", term),
          Tolerances.COEF);
      assertRel(
          "se " + term,
          c.get("stdError").asDouble(),
          ReferenceData.get(DID_REF, "twfe_did_base_did", "se_cl_id_fixestdefault", term),
          Tolerances.SE);
    }
  }

  @ParameterizedTest(name = "two-way FE --vcov {0} --ssc {1} = fixest {2}")
  @CsvSource({
    "iid, fixest, se_iid",
    "hetero, fixest, se_hetero_fixestdefault",
    "cluster:firm, fixest, se_cl_fixestdefault",
    "cluster:firm, none, se_cl_noadj",
  })
  void grunfeldTwoWayFixedEffectsMatchFixest(String vcov, String ssc, String quantity)
      throws Exception {
    JsonNode m = fit(GRUNFELD, "inv ~ value + capital | firm + year", "--vcov", vcov, "--ssc", ssc);
    for (String term : List.of("value", "capital")) {
      JsonNode c = coefficient(m, term);
      assertRel(
          term,
          c.get("estimate").asDouble(),
          ReferenceData.get(GRUNFELD_REF, "feols_grunfeld_2fe", "coef", term),
          Tolerances.COEF);
      assertRel(
          "se " + term,
          c.get("stdError").asDouble(),
          ReferenceData.get(GRUNFELD_REF, "feols_grunfeld_2fe", quantity, term),
          Tolerances.SE);
    }
    assertRel(
        "within r2",
        m.get("withinR2").asDouble(),
        ReferenceData.get(GRUNFELD_REF, "feols_grunfeld_2fe", "within_r2", ""),
        Tolerances.COEF);
  }

  @Test
  void grunfeldWithinUnderThePlmPresetMatchesPlmArellano() throws Exception {
    JsonNode m =
        fit(GRUNFELD, "inv ~ value + capital | firm", "--vcov", "cluster:firm", "--ssc", "plm");
    for (String term : List.of("value", "capital")) {
      assertRel(
          "se " + term,
          coefficient(m, term).get("stdError").asDouble(),
          ReferenceData.get(GRUNFELD_REF, "plm_within_individual", "se_arellano_HC0_clgroup", term),
          Tolerances.SE);
    }
  }

  @Test
  void hausmanJsonMatchesPlmPhtestAndCarriesBothFits() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "hausman",
            "--data",
            ReferenceData.path(GRUNFELD).toString(),
            "--formula",
            "inv ~ value + capital",
            "--index",
            "firm,year",
            "--format",
            "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("test").asText()).isEqualTo("hausman");
    assertThat(doc.get("method").asText()).isEqualTo("classic");
    assertRel(
        "chisq",
        doc.get("statistic").asDouble(),
        ReferenceData.get(GRUNFELD_REF, "phtest_fe_vs_re", "chisq", ""),
        Tolerances.SE);
    assertThat(doc.get("df").asInt()).isEqualTo(2);
    assertRel(
        "p",
        doc.get("pValue").asDouble(),
        ReferenceData.get(GRUNFELD_REF, "phtest_fe_vs_re", "p.value", ""),
        Tolerances.SE);
    JsonNode re = doc.get("models").get(1);
    for (String term : List.of("(Intercept)", "value", "capital")) {
      assertRel(
          "RE " + term,
          coefficient(re, term).get("estimate").asDouble(),
          ReferenceData.get(GRUNFELD_REF, "plm_random_swar", "coef", term),
          Tolerances.COEF);
      assertRel(
          "RE se " + term,
          coefficient(re, term).get("stdError").asDouble(),
          ReferenceData.get(GRUNFELD_REF, "plm_random_swar", "se_iid(plm default)", term),
          Tolerances.SE);
    }
  }

  @Test
  void mundlakHausmanJsonNamesTheMethodAsTheOptionDoes() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "hausman",
            "--data",
            ReferenceData.path(GRUNFELD).toString(),
            "--formula",
            "inv ~ value + capital",
            "--index",
            "firm,year",
            "--method",
            "mundlak",
            "--format",
            "json");
    assertThat(r.err()).isEmpty();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("method").asText()).isEqualTo("mundlak");
    assertThat(doc.get("methodLabel").asText()).contains("Mundlak").contains("cluster:firm");
    assertThat(doc.get("df").asInt()).isEqualTo(2);
    assertThat(doc.get("models")).isEmpty();
    assertThat(doc.get("statistic").asDouble()).isPositive();
  }
}
