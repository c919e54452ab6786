package org.econ4j.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.econ4j.core.SpecificationException;

/**
 * The type of variance-covariance matrix of the estimates: a value, chosen at fit time or later
 * with {@code RegressionResult.withVcov(Vcov)}. The matrix itself is computed by {@link Sandwich}
 * from the estimator's {@link InferenceData} and a {@link SmallSampleCorrection}.
 *
 * <ul>
 *   <li>{@link #iid()}: V = s&sup2; B, B the bread ((X'WX)<sup>&minus;1</sup> for OLS).
 *   <li>{@link #hetero()} = {@link #hc1()}, {@link #hc0()}, {@link #hc2()}, {@link #hc3()}: White
 *       (1980) and MacKinnon &amp; White (1985) heteroskedasticity-robust matrices.
 *   <li>{@link #cluster(String...)}: cluster-robust, one to four ways (Cameron, Gelbach &amp;
 *       Miller 2011 inclusion&ndash;exclusion).
 *   <li>{@link #neweyWest(int)}: Newey &amp; West (1987) with the Bartlett kernel, for a time
 *       series or within the units of a panel.
 *   <li>{@link #driscollKraay(int)}: Driscoll &amp; Kraay (1998), Newey&ndash;West on the
 *       cross-sectional sums of the scores per period.
 *   <li>{@link Custom}: the extension point (non-sealed) for types defined in other modules, e.g.
 *       Conley spatial standard errors in lib-spatial; a custom type computes its own matrix.
 * </ul>
 *
 * <p>{@link #parse(String)} reads the command-line syntax {@code
 * iid|hetero|hc0|hc1|hc2|hc3|cluster:a|cluster:a+b|nw:L|dk:L}; {@link #spec()} writes it back.
 */
public sealed interface Vcov
    permits Vcov.Iid, Vcov.Robust, Vcov.Cluster, Vcov.NeweyWest, Vcov.DriscollKraay, Vcov.Custom {

  /** The accepted forms, for error messages. */
  String ACCEPTED = "iid, hetero, hc0, hc1, hc2, hc3, cluster:a, cluster:a+b, nw:L, dk:L";

  /**
   * @return the syntax accepted by {@link #parse(String)} that gives this type back
   */
  String spec();

  /**
   * @return the label shown under tables, e.g. {@code Clustered (Origin)}
   */
  String label();

  /**
   * @return the iid (classical) type
   */
  static Vcov iid() {
    return Iid.INSTANCE;
  }

  /**
   * @return heteroskedasticity-robust HC1 (the small-sample correction gives n/(n&minus;K) with the
   *     fixest and Stata presets); as fixest {@code vcov = "hetero"} and Stata {@code vce(robust)}
   */
  static Vcov hetero() {
    return new Robust(HcType.HC1);
  }

  /**
   * @return HC0: &Sigma; s<sub>i</sub>s<sub>i</sub>' without any small-sample factor
   */
  static Vcov hc0() {
    return new Robust(HcType.HC0);
  }

  /**
   * @return HC1, the same as {@link #hetero()}
   */
  static Vcov hc1() {
    return new Robust(HcType.HC1);
  }

  /**
   * @return HC2: scores divided by &radic;(1 &minus; h<sub>ii</sub>)
   */
  static Vcov hc2() {
    return new Robust(HcType.HC2);
  }

  /**
   * @return HC3: scores divided by (1 &minus; h<sub>ii</sub>)
   */
  static Vcov hc3() {
    return new Robust(HcType.HC3);
  }

  /**
   * @param variables one to four cluster variables (column names)
   * @return cluster-robust type
   */
  static Vcov cluster(String... variables) {
    return new Cluster(List.of(variables));
  }

  /**
   * @param lag the Bartlett lag L &ge; 0
   * @return Newey&ndash;West type
   */
  static Vcov neweyWest(int lag) {
    return new NeweyWest(lag);
  }

  /**
   * @param lag the Bartlett lag L &ge; 0
   * @return Driscoll&ndash;Kraay type
   */
  static Vcov driscollKraay(int lag) {
    return new DriscollKraay(lag);
  }

  /**
   * Parses the command-line syntax (case-insensitive keywords; cluster names kept as written).
   * Aliases: {@code robust} for {@code hetero}, {@code cl:a} for {@code cluster:a}.
   *
   * @param text e.g. {@code cluster:firm+year} or {@code nw:2}
   * @return the type
   * @throws SpecificationException naming the bad token and listing the accepted forms
   */
  static Vcov parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "iid":
        return iid();
      case "hetero":
      case "hc1":
      case "robust":
        return hetero();
      case "hc0":
        return hc0();
      case "hc2":
        return hc2();
      case "hc3":
        return hc3();
      default:
        break;
    }
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw new SpecificationException("unknown vcov '" + t + "'; expected one of " + ACCEPTED);
    }
    String head = lower.substring(0, colon).trim();
    String arg = t.substring(colon + 1).trim();
    switch (head) {
      case "cluster":
      case "cl":
        {
          if (arg.isEmpty()) {
            throw new SpecificationException(
                "vcov '" + t + "' names no cluster variable; expected cluster:a or cluster:a+b");
          }
          List<String> vars = new ArrayList<>();
          for (String v : arg.split("\\+", -1)) {
            String name = v.trim();
            if (name.isEmpty()) {
              throw new SpecificationException(
                  "vcov '"
                      + t
                      + "' has an empty cluster variable; expected cluster:a or cluster:a+b");
            }
            vars.add(name);
          }
          return new Cluster(vars);
        }
      case "nw":
      case "dk":
        {
          int lag;
          try {
            lag = Integer.parseInt(arg);
          } catch (NumberFormatException e) {
            lag = -1;
          }
          if (lag < 0) {
            throw new SpecificationException(
                "lag '"
                    + arg
                    + "' in vcov '"
                    + t
                    + "' is not a non-negative integer; expected "
                    + head
                    + ":L with L >= 0, e.g. "
                    + head
                    + ":2");
          }
          return head.equals("nw") ? neweyWest(lag) : driscollKraay(lag);
        }
      default:
        throw new SpecificationException("unknown vcov '" + t + "'; expected one of " + ACCEPTED);
    }
  }

  /** The heteroskedasticity-consistent variants. */
  enum HcType {
    /** White (1980): no correction. */
    HC0,
    /** HC0 times the small-sample correction (n/(n&minus;K) with the default presets). */
    HC1,
    /** MacKinnon &amp; White (1985): s<sub>i</sub>/&radic;(1&minus;h<sub>ii</sub>). */
    HC2,
    /** MacKinnon &amp; White (1985): s<sub>i</sub>/(1&minus;h<sub>ii</sub>), jackknife-like. */
    HC3
  }

  /** Classical covariance: V = s&sup2;B. */
  record Iid() implements Vcov {
    static final Iid INSTANCE = new Iid();

    @Override
    public String spec() {
      return "iid";
    }

    @Override
    public String label() {
      return "IID";
    }
  }

  /**
   * Heteroskedasticity-robust covariance B (&Sigma; s<sub>i</sub>s<sub>i</sub>') B with the scores
   * adjusted by the HC variant.
   *
   * @param type the variant
   */
  record Robust(HcType type) implements Vcov {
    /**
     * @throws NullPointerException if type is null
     */
    public Robust {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String spec() {
      return type == HcType.HC1 ? "hetero" : type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String label() {
      return type == HcType.HC1
          ? "Heteroskedasticity-robust"
          : "Heteroskedasticity-robust (" + type.name() + ")";
    }
  }

  /**
   * Cluster-robust covariance on one to four cluster variables.
   *
   * @param variables the cluster variables (column names), 1 to 4, distinct
   */
  record Cluster(List<String> variables) implements Vcov {
    /**
     * @throws SpecificationException if there are no or more than four variables, or duplicates
     */
    public Cluster {
      variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
      if (variables.isEmpty()) {
        throw new SpecificationException(
            "cluster vcov needs at least one cluster variable; expected cluster:a or cluster:a+b");
      }
      if (variables.size() > 4) {
        throw new SpecificationException(
            "cluster vcov has "
                + variables.size()
                + " cluster variables ("
                + String.join(", ", variables)
                + "); at most 4 are supported");
      }
      if (variables.stream().distinct().count() != variables.size()) {
        throw new SpecificationException(
            "cluster vcov repeats a cluster variable in '"
                + String.join("+", variables)
                + "'; name each variable once");
      }
    }

    @Override
    public String spec() {
      return "cluster:" + String.join("+", variables);
    }

    @Override
    public String label() {
      return "Clustered (" + String.join(" & ", variables) + ")";
    }
  }

  /**
   * Newey&ndash;West HAC with the Bartlett kernel w<sub>l</sub> = 1 &minus; l/(L+1), l = 1..L. Lag
   * 0 gives HC0 (times the small-sample K factor).
   *
   * @param lag L &ge; 0
   */
  record NeweyWest(int lag) implements Vcov {
    /**
     * @throws SpecificationException if lag is negative
     */
    public NeweyWest {
      if (lag < 0) {
        throw new SpecificationException(
            "Newey-West lag " + lag + " is negative; expected nw:L with L >= 0");
      }
    }

    @Override
    public String spec() {
      return "nw:" + lag;
    }

    @Override
    public String label() {
      return "Newey-West (L=" + lag + ")";
    }
  }

  /**
   * Driscoll&ndash;Kraay: Newey&ndash;West with the Bartlett kernel on the per-period sums of the
   * scores.
   *
   * @param lag L &ge; 0
   */
  record DriscollKraay(int lag) implements Vcov {
    /**
     * @throws SpecificationException if lag is negative
     */
    public DriscollKraay {
      if (lag < 0) {
        throw new SpecificationException(
            "Driscoll-Kraay lag " + lag + " is negative; expected dk:L with L >= 0");
      }
    }

    @Override
    public String spec() {
      return "dk:" + lag;
    }

    @Override
    public String label() {
      return "Driscoll-Kraay (L=" + lag + ")";
    }
  }

  /**
   * Extension point for covariance types defined outside lib-core (e.g. Conley spatial standard
   * errors). The implementation captures whatever extra data it needs (coordinates, cut-offs) when
   * constructed and computes its matrix from the estimator's {@link InferenceData}. Implementations
   * must be immutable values.
   */
  non-sealed interface Custom extends Vcov {
    /**
     * The numeric data columns this type needs on the estimation sample (e.g. latitude and
     * longitude). An estimator fitting with a custom type registers each of them with {@link
     * InferenceData.Builder#column(String, double[])} on the kept rows.
     *
     * @return column names, empty by default
     */
    default List<String> columns() {
      return List.of();
    }

    /**
     * Computes the matrix.
     *
     * @param data the estimator's inference data
     * @param ssc the small-sample correction requested
     * @return the covariance estimate
     */
    VcovEstimate compute(InferenceData data, SmallSampleCorrection ssc);
  }
}
