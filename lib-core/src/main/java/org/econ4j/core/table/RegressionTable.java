package org.econ4j.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.econ4j.core.Coefficient;
import org.econ4j.core.FitStats;
import org.econ4j.core.Note;
import org.econ4j.core.RegressionResult;

/**
 * Models side by side, as fixest {@code etable} and Stata {@code esttab}: one column per model,
 * coefficients with significance stars and, below (default) or beside them, standard errors in
 * parentheses, t/z statistics in brackets, p-values in parentheses or confidence intervals in
 * brackets; dropped regressors shown as such ("(collinear)", "(absorbed)"); rows for the fixed
 * effects ("country: Yes"); the standard-error type; observations and fit statistics (R&sup2;,
 * adjusted and within R&sup2;, log-likelihood, AIC, BIC, &theta;, only those some model has); and
 * under the table the models' notes (dropped rows, singletons, convergence) and the star legend.
 *
 * <p>Options are immutable {@code withX} copies: statistic and position, stars, decimals, labels,
 * order, keep/drop (regular expressions on the term names), model titles ({@code (1)}, {@code (2)},
 * &hellip; by default) and groups, caption. Rendering goes through {@link Table} in every {@link
 * TableFormat}. A pure function of its results; immutable and thread-safe.
 */
public final class RegressionTable {

  /** What is shown under (or beside) each coefficient. */
  public enum Statistic {
    /** Standard errors, in parentheses. */
    SE,
    /** t (or z) statistics, in brackets. */
    T,
    /** p-values, in parentheses. */
    P,
    /** Confidence intervals, in brackets. */
    CI,
    /** Nothing. */
    NONE;

    /**
     * @param text {@code se|t|p|ci|none}
     * @return the statistic
     * @throws IllegalArgumentException for an unknown name
     */
    public static Statistic parse(String text) {
      switch (Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT)) {
        case "se":
          return SE;
        case "t":
        case "z":
          return T;
        case "p":
          return P;
        case "ci":
          return CI;
        case "none":
          return NONE;
        default:
          throw new IllegalArgumentException(
              "unknown statistic '" + text.trim() + "'; expected one of se, t, p, ci, none");
      }
    }
  }

  /** Where the statistic goes. */
  public enum Position {
    /** On its own row below the coefficient. */
    BELOW,
    /** In the same cell, after the coefficient. */
    BESIDE
  }

  /**
   * A header spanning consecutive models.
   *
   * @param label the group label
   * @param first first model, 1-based
   * @param last last model, 1-based, inclusive
   */
  public record ModelGroup(String label, int first, int last) {
    /**
     * @throws IllegalArgumentException if the range is empty
     */
    public ModelGroup {
      Objects.requireNonNull(label, "label");
      if (first < 1 || last < first) {
        throw new IllegalArgumentException(
            "model group '"
                + label
                + "' has range "
                + first
                + ".."
                + last
                + "; expected 1 <= first <= last");
      }
    }
  }

  private final List<RegressionResult> results;
  private final Statistic statistic;
  private final Position position;
  private final double[] starLevels;
  private final int decimals;
  private final Map<String, String> labels;
  private final List<String> order;
  private final List<String> keep;
  private final List<String> drop;
  private final List<String> titles;
  private final List<ModelGroup> groups;
  private final String caption;
  private final boolean showNotes;
  private final List<FitStats.Stat> stats;

  private RegressionTable(
      List<RegressionResult> results,
      Statistic statistic,
      Position position,
      double[] starLevels,
      int decimals,
      Map<String, String> labels,
      List<String> order,
      List<String> keep,
      List<String> drop,
      List<String> titles,
      List<ModelGroup> groups,
      String caption,
      boolean showNotes,
      List<FitStats.Stat> stats) {
    this.results = results;
    this.statistic = statistic;
    this.position = position;
    this.starLevels = starLevels;
    this.decimals = decimals;
    this.labels = labels;
    this.order = order;
    this.keep = keep;
    this.drop = drop;
    this.titles = titles;
    this.groups = groups;
    this.caption = caption;
    this.showNotes = showNotes;
    this.stats = stats;
  }

  private RegressionTable copy(
      Statistic st,
      Position pos,
      double[] stars,
      int dec,
      Map<String, String> lab,
      List<String> ord,
      List<String> kp,
      List<String> dr,
      List<String> tit,
      List<ModelGroup> grp,
      String cap,
      boolean notes) {
    return new RegressionTable(
        results, st, pos, stars, dec, lab, ord, kp, dr, tit, grp, cap, notes, stats);
  }

  /**
   * @param results one or more results, left to right
   * @return a table with the defaults (SE below, stars at 10/5/1 %, 3 decimals)
   */
  public static RegressionTable of(RegressionResult... results) {
    return of(Arrays.asList(Objects.requireNonNull(results, "results")));
  }

  /**
   * @param results one or more results, left to right
   * @return a table with the defaults
   * @throws IllegalArgumentException if there is no result
   */
  public static RegressionTable of(List<RegressionResult> results) {
    Objects.requireNonNull(results, "results");
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a regression table needs at least one result");
    }
    for (RegressionResult r : results) {
      Objects.requireNonNull(r, "result");
    }
    return new RegressionTable(
        List.copyOf(results),
        Statistic.SE,
        Position.BELOW,
        new double[] {0.1, 0.05, 0.01},
        3,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        true,
        List.of());
  }

  /**
   * @param s what to show with each coefficient
   * @return a copy
   */
  public RegressionTable withStatistic(Statistic s) {
    Objects.requireNonNull(s, "statistic");
    return copy(
        s,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * @param p below or beside
   * @return a copy
   */
  public RegressionTable withPosition(Position p) {
    Objects.requireNonNull(p, "position");
    return copy(
        statistic,
        p,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * Significance levels, most lenient first, each one more star: e.g. 0.1, 0.05, 0.01 give {@code
   * *}, {@code **}, {@code ***}. No levels: no stars.
   *
   * @param levels decreasing levels in (0, 1)
   * @return a copy
   * @throws IllegalArgumentException if not strictly decreasing in (0, 1)
   */
  public RegressionTable withStars(double... levels) {
    double[] l = levels.clone();
    for (int i = 0; i < l.length; i++) {
      if (!(l[i] > 0 && l[i] < 1) || (i > 0 && !(l[i] < l[i - 1]))) {
        throw new IllegalArgumentException(
            "star levels must be strictly decreasing in (0, 1), got " + Arrays.toString(levels));
      }
    }
    return copy(
        statistic, position, l, decimals, labels, order, keep, drop, titles, groups, caption,
        showNotes);
  }

  /**
   * @param d decimals of coefficients and statistics (0 to 10)
   * @return a copy
   */
  public RegressionTable withDecimals(int d) {
    if (d < 0 || d > 10) {
      throw new IllegalArgumentException("decimals must be in [0, 10], got " + d);
    }
    return copy(
        statistic,
        position,
        starLevels,
        d,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * @param l display labels for terms, fixed effects and dependent variables (name → label)
   * @return a copy
   */
  public RegressionTable withLabels(Map<String, String> l) {
    Map<String, String> m = new LinkedHashMap<>(Objects.requireNonNull(l, "labels"));
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        Map.copyOf(m),
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * Orders the rows: terms matching the first regular expression come first, then those matching
   * the second, and so on; the others follow in their original order.
   *
   * @param patterns regular expressions on the term names
   * @return a copy
   */
  public RegressionTable withOrder(String... patterns) {
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        checked(patterns),
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * Keeps only the terms matching at least one regular expression (found anywhere in the name).
   *
   * @param patterns regular expressions
   * @return a copy
   */
  public RegressionTable withKeep(String... patterns) {
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        checked(patterns),
        drop,
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * Removes the terms matching any regular expression (found anywhere in the name).
   *
   * @param patterns regular expressions
   * @return a copy
   */
  public RegressionTable withDrop(String... patterns) {
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        checked(patterns),
        titles,
        groups,
        caption,
        showNotes);
  }

  /**
   * @param t one title per model (default {@code (1)}, {@code (2)}, &hellip;)
   * @return a copy
   * @throws IllegalArgumentException if the count differs from the number of models
   */
  public RegressionTable withTitles(String... t) {
    if (t.length != results.size()) {
      throw new IllegalArgumentException(
          "got " + t.length + " model titles for " + results.size() + " models");
    }
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        List.of(t),
        groups,
        caption,
        showNotes);
  }

  /**
   * @param g groups of models shown in a header row above the titles
   * @return a copy
   * @throws IllegalArgumentException if a group exceeds the number of models
   */
  public RegressionTable withGroups(ModelGroup... g) {
    for (ModelGroup m : g) {
      if (m.last() > results.size()) {
        throw new IllegalArgumentException(
            "model group '"
                + m.label()
                + "' ends at model "
                + m.last()
                + " but the table has "
                + results.size());
      }
    }
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        List.of(g),
        caption,
        showNotes);
  }

  /**
   * @param c caption
   * @return a copy
   */
  public RegressionTable withCaption(String c) {
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        Objects.requireNonNull(c, "caption"),
        showNotes);
  }

  /**
   * @param show whether the models' notes are printed under the table (default true)
   * @return a copy
   */
  public RegressionTable withNotes(boolean show) {
    return copy(
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        show);
  }

  /**
   * Chooses the fit-statistic rows and their order (default: every statistic some model has, in
   * {@link FitStats.Stat} order). {@link FitStats.Stat#THETA_STD_ERROR} is shown with &theta;.
   *
   * @param rows the statistics to show
   * @return a copy
   */
  public RegressionTable withStats(FitStats.Stat... rows) {
    for (FitStats.Stat st : rows) {
      Objects.requireNonNull(st, "stat");
    }
    return new RegressionTable(
        results,
        statistic,
        position,
        starLevels,
        decimals,
        labels,
        order,
        keep,
        drop,
        titles,
        groups,
        caption,
        showNotes,
        List.of(rows));
  }

  private static List<String> checked(String... patterns) {
    for (String p : patterns) {
      Pattern.compile(Objects.requireNonNull(p, "pattern"));
    }
    return List.of(patterns);
  }

  private String label(String name) {
    return labels.getOrDefault(name, name);
  }

  private List<String> rowTerms() {
    Set<String> all = new LinkedHashSet<>();
    for (RegressionResult r : results) {
      all.addAll(r.terms());
    }
    List<String> terms = new ArrayList<>();
    for (String t : all) {
      boolean k = keep.isEmpty();
      for (String p : keep) {
        k |= Pattern.compile(p).matcher(t).find();
      }
      for (String p : drop) {
        k &= !Pattern.compile(p).matcher(t).find();
      }
      if (k) {
        terms.add(t);
      }
    }
    if (order.isEmpty()) {
      return terms;
    }
    List<String> out = new ArrayList<>();
    for (String p : order) {
      Pattern pat = Pattern.compile(p);
      for (String t : terms) {
        if (!out.contains(t) && pat.matcher(t).find()) {
          out.add(t);
        }
      }
    }
    for (String t : terms) {
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private String stars(double p) {
    StringBuilder sb = new StringBuilder();
    for (double level : starLevels) {
      if (p < level) {
        sb.append('*');
      }
    }
    return sb.toString();
  }

  private String statText(Coefficient c) {
    switch (statistic) {
      case SE:
        return "(" + Format.fixed(c.stdError(), decimals) + ")";
      case T:
        return "[" + Format.fixed(c.statistic(), decimals) + "]";
      case P:
        return "(" + Format.fixed(c.pValue(), decimals) + ")";
      case CI:
        return "["
            + Format.fixed(c.ciLow(), decimals)
            + "; "
            + Format.fixed(c.ciHigh(), decimals)
            + "]";
      case NONE:
      default:
        return "";
    }
  }

  /**
   * With four or more models sharing one standard-error type, the per-model "Standard errors" row
   * is replaced by one footer line, so that wide tables of nested models stay narrow.
   */
  private java.util.Optional<String> sharedVcovLabel() {
    if (results.size() < 4) {
      return java.util.Optional.empty();
    }
    String first = results.get(0).vcov().label();
    for (RegressionResult r : results) {
      if (!r.vcov().label().equals(first)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(first);
  }

  /**
   * Builds the generic table.
   *
   * @return the table
   */
  public Table toTable() {
    int m = results.size();
    List<String> header = new ArrayList<>();
    header.add("");
    for (int j = 0; j < m; j++) {
      header.add(titles.isEmpty() ? "(" + (j + 1) + ")" : titles.get(j));
    }
    Table.Builder b = Table.builder(header);
    if (!caption.isEmpty()) {
      b.caption(caption);
    }
    if (!groups.isEmpty()) {
      List<String> g = new ArrayList<>();
      for (int j = 0; j <= m; j++) {
        g.add("");
      }
      for (ModelGroup mg : groups) {
        g.set(mg.first(), mg.label());
      }
      b.headerRowAbove(g);
    }
    boolean anyDep = false;
    for (RegressionResult r : results) {
      anyDep |= !r.dependentVariable().isEmpty();
    }
    if (anyDep) {
      List<String> row = new ArrayList<>();
      row.add("Dependent variable");
      for (RegressionResult r : results) {
        row.add(r.dependentVariable().isEmpty() ? "" : label(r.dependentVariable()));
      }
      b.row(row).rule();
    }
    for (String term : rowTerms()) {
      List<String> main = new ArrayList<>();
      List<String> below = new ArrayList<>();
      main.add(label(term));
      below.add("");
      boolean anyBelow = false;
      for (RegressionResult r : results) {
        java.util.Optional<Coefficient> c = r.coefficient(term);
        if (c.isPresent()) {
          String est = Format.fixed(c.get().estimate(), decimals) + stars(c.get().pValue());
          String st = statText(c.get());
          if (position == Position.BESIDE && !st.isEmpty()) {
            main.add(est + " " + st);
            below.add("");
          } else {
            main.add(est);
            below.add(st);
            anyBelow |= !st.isEmpty();
          }
        } else {
          main.add(r.droppedTerm(term).map(d -> d.reason().cellText()).orElse(""));
          below.add("");
        }
      }
      b.row(main);
      if (anyBelow) {
        b.row(below);
      }
    }
    // fixed effects
    Set<String> fes = new LinkedHashSet<>();
    for (RegressionResult r : results) {
      fes.addAll(r.fixedEffectNames());
    }
    if (!fes.isEmpty()) {
      b.rule();
      for (String fe : fes) {
        List<String> row = new ArrayList<>();
        row.add(label(fe));
        for (RegressionResult r : results) {
          row.add(r.fixedEffectNames().contains(fe) ? "Yes" : "No");
        }
        b.row(row);
      }
    }
    b.rule();
    if (sharedVcovLabel().isEmpty()) {
      List<String> se = new ArrayList<>();
      se.add("Standard errors");
      for (RegressionResult r : results) {
        se.add(r.vcov().label());
      }
      b.row(se);
    }
    List<String> nrow = new ArrayList<>();
    nrow.add("Observations");
    for (RegressionResult r : results) {
      nrow.add(Format.integer(r.nobs()));
    }
    b.row(nrow);
    List<FitStats.Stat> shown = stats.isEmpty() ? List.of(FitStats.Stat.values()) : stats;
    for (FitStats.Stat s : shown) {
      if (s == FitStats.Stat.THETA_STD_ERROR) {
        continue;
      }
      boolean any = false;
      for (RegressionResult r : results) {
        any |= r.fitStats().get(s).isPresent();
      }
      if (!any) {
        continue;
      }
      List<String> row = new ArrayList<>();
      row.add(statLabel(s));
      for (RegressionResult r : results) {
        OptionalDouble v = r.fitStats().get(s);
        String cell = v.isPresent() ? Format.fixed(v.getAsDouble(), statDecimals(s)) : "";
        if (s == FitStats.Stat.THETA && v.isPresent()) {
          OptionalDouble sev = r.fitStats().thetaStdError();
          if (sev.isPresent()) {
            cell += " (" + Format.fixed(sev.getAsDouble(), decimals) + ")";
          }
        }
        row.add(cell);
      }
      b.row(row);
    }
    for (String note : footer()) {
      b.note(note);
    }
    return b.build();
  }

  private int statDecimals(FitStats.Stat s) {
    switch (s) {
      case R2:
      case ADJ_R2:
      case WITHIN_R2:
      case WITHIN_ADJ_R2:
      case PSEUDO_R2:
        return Math.max(decimals, 4);
      case RMSE:
      case LOG_LIK:
      case DEVIANCE:
      case AIC:
      case BIC:
        return 2;
      default:
        return decimals;
    }
  }

  private static String statLabel(FitStats.Stat s) {
    switch (s) {
      case R2:
        return "R2";
      case ADJ_R2:
        return "Adjusted R2";
      case WITHIN_R2:
        return "Within R2";
      case WITHIN_ADJ_R2:
        return "Within adjusted R2";
      case RMSE:
        return "RMSE";
      case LOG_LIK:
        return "Log-likelihood";
      case DEVIANCE:
        return "Deviance";
      case PSEUDO_R2:
        return "Pseudo R2";
      case AIC:
        return "AIC";
      case BIC:
        return "BIC";
      case THETA:
        return "theta";
      default:
        return s.jsonName();
    }
  }

  private List<String> footer() {
    List<String> out = new ArrayList<>();
    if (showNotes) {
      Map<String, List<Integer>> byText = new LinkedHashMap<>();
      for (int j = 0; j < results.size(); j++) {
        for (Note n : results.get(j).notes()) {
          byText.computeIfAbsent(n.message(), k -> new ArrayList<>()).add(j + 1);
        }
      }
      for (Map.Entry<String, List<Integer>> e : byText.entrySet()) {
        if (results.size() == 1) {
          out.add("Note: " + e.getKey());
        } else {
          List<String> ms = new ArrayList<>();
          for (int j : e.getValue()) {
            ms.add("(" + j + ")");
          }
          out.add("Note " + String.join(", ", ms) + ": " + e.getKey());
        }
      }
    }
    boolean allZ = true;
    boolean anyZ = false;
    for (RegressionResult r : results) {
      allZ &= r.usesZ();
      anyZ |= r.usesZ();
    }
    String statName = allZ ? "z statistics" : anyZ ? "t (z) statistics" : "t statistics";
    sharedVcovLabel().ifPresent(l -> out.add("Standard errors: " + l + " (all models)."));
    switch (statistic) {
      case SE:
        out.add("Standard errors in parentheses.");
        break;
      case T:
        out.add(statName + " in brackets.");
        break;
      case P:
        out.add("p-values in parentheses.");
        break;
      case CI:
        out.add(
            Format.significant(100 * results.get(0).confidenceLevel(), 4)
                + "% confidence intervals in brackets.");
        break;
      default:
        break;
    }
    if (starLevels.length > 0) {
      List<String> parts = new ArrayList<>();
      for (int i = starLevels.length - 1; i >= 0; i--) {
        parts.add("*".repeat(i + 1) + " p<" + Format.significant(starLevels[i], 4));
      }
      out.add("Significance: " + String.join(", ", parts) + ".");
    }
    return out;
  }

  /**
   * Renders the table.
   *
   * @param format output format
   * @return the text
   */
  public String render(TableFormat format) {
    return toTable().render(format);
  }

  @Override
  public String toString() {
    return render(TableFormat.TEXT);
  }
}
