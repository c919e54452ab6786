package org.econ4j.panel.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.econ4j.core.Note;
import org.econ4j.core.SpecificationException;
import org.econ4j.panel.Panel;

/** Binds a formula to a panel: see {@link ModelFrame} for the rules. */
final class Binder {
  private final Formula formula;
  private final Panel panel;
  private final BindOptions options;
  private final Evaluator ev;
  private final int n;

  Binder(Formula formula, Panel panel, BindOptions options) {
    this.formula = formula;
    this.panel = panel;
    this.options = options;
    String src = formula.source() == null ? formula.toString() : formula.source();
    this.ev = new Evaluator(panel, "formula '" + src + "'");
    this.n = panel.rows();
  }

  /** One component of a term: a numeric column or a factor (optionally times a numeric). */
  private static final class Part {
    double[] values;
    String name;
    Encoding factor;
    String variable;
    int naming; // 0 = factor(x)lvl, 1 = xlvl, 2 = x::lvl
    List<String> ref = List.of();
    boolean dropFirst;
    double[] with;
    String withName;
  }

  /** A cause of dropped rows. */
  private static final class Cause {
    final String role;
    final String shown;
    final Term term;
    final List<double[]> numerics = new ArrayList<>();
    final List<int[]> codes = new ArrayList<>();
    final Set<String> vars = new LinkedHashSet<>();
    final boolean shift;
    long missing;
    long nonFinite;

    Cause(String role, String shown, Term term) {
      this.role = role;
      this.shown = shown;
      this.term = term;
      boolean[] s = new boolean[1];
      if (term != null) {
        collect(term, vars, s);
      }
      this.shift = s[0];
    }
  }

  ModelFrame bind() {
    List<Cause> causes = new ArrayList<>();
    // response
    double[] y = ev.numeric(formula.lhs());
    Cause cy = new Cause("the response", formula.lhs().toString(), formula.lhs());
    cy.numerics.add(y);
    causes.add(cy);

    boolean hasFe = !formula.fixedEffects().isEmpty();
    boolean intercept = formula.hasIntercept() && !hasFe;
    boolean fullCodingAvailable = !formula.hasIntercept() && !hasFe;

    // terms
    List<List<Part>> plans = new ArrayList<>();
    for (Term t : formula.terms()) {
      List<Part> parts = new ArrayList<>();
      Cause c = new Cause("regressor", t.toString(), t);
      if (t instanceof Term.Interaction) {
        List<Term> all = ((Term.Interaction) t).parts();
        for (Term p : all) {
          // R's coding rule: a factor in an interaction is coded by contrasts (first level dropped)
          // when its margin (the interaction without it) is itself a term; otherwise fully
          List<Term> margin = new ArrayList<>(all);
          margin.remove(p);
          parts.add(part(p, false, hasTerm(margin)));
        }
      } else {
        boolean factorLike =
            t instanceof Term.Factor
                || (t instanceof Term.Variable && ev.isCategorical(((Term.Variable) t).name()));
        boolean dropFirst = factorLike && !fullCodingAvailable;
        if (factorLike) {
          fullCodingAvailable = false;
        }
        parts.add(part(t, true, dropFirst));
      }
      for (Part p : parts) {
        if (p.values != null) {
          c.numerics.add(p.values);
        }
        if (p.factor != null) {
          c.codes.add(p.factor.codes);
        }
        if (p.with != null) {
          c.numerics.add(p.with);
        }
      }
      plans.add(parts);
      causes.add(c);
    }

    // fixed effects and slopes
    List<Encoding> feEnc = new ArrayList<>();
    for (FixedEffect fe : formula.fixedEffects()) {
      Encoding e = null;
      for (String v : fe.variables()) {
        Encoding ve = Encoding.of(ev, v, "fixed effect");
        e = e == null ? ve : Encoding.combine(e, ve);
      }
      feEnc.add(e);
      Cause c = new Cause("fixed effect", fe.name(), null);
      c.codes.add(e.codes);
      causes.add(c);
    }
    List<double[]> slopeValues = new ArrayList<>();
    for (FixedEffect fe : formula.fixedEffects()) {
      for (String s : fe.slopes()) {
        Term st = new Term.Variable(s);
        double[] v = ev.numeric(st);
        slopeValues.add(v);
        Cause c = new Cause("varying slope", fe.name() + "[" + s + "]", st);
        c.numerics.add(v);
        causes.add(c);
      }
    }
    double[] weights = null;
    if (options.weights().isPresent()) {
      Term wt = optionTerm(options.weights().get(), "weights");
      weights = ev.numeric(wt);
      Cause c = new Cause("weights", options.weights().get(), wt);
      c.numerics.add(weights);
      causes.add(c);
    }
    double[] offset = null;
    if (options.offset().isPresent()) {
      Term ot = optionTerm(options.offset().get(), "offset");
      offset = ev.numeric(ot);
      Cause c = new Cause("offset", options.offset().get(), ot);
      c.numerics.add(offset);
      causes.add(c);
    }
    List<Encoding> clusterEnc = new ArrayList<>();
    for (String cl : options.clusters()) {
      Encoding e = Encoding.of(ev, cl, "cluster column");
      clusterEnc.add(e);
      Cause c = new Cause("cluster", cl, null);
      c.codes.add(e.codes);
      causes.add(c);
    }

    // the kept-row mask, attributing each dropped row to its first cause
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    for (Cause c : causes) {
      for (double[] a : c.numerics) {
        for (int i = 0; i < n; i++) {
          double v = a[i];
          if (keep[i] && (v - v != 0)) { // NaN or ±∞
            keep[i] = false;
            if (Double.isNaN(v) && isMissing(c, i)) {
              c.missing++;
            } else {
              c.nonFinite++;
            }
          }
        }
      }
      for (int[] codes : c.codes) {
        for (int i = 0; i < n; i++) {
          if (keep[i] && codes[i] < 0) {
            keep[i] = false;
            c.missing++;
          }
        }
      }
    }
    int nk = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        nk++;
      }
    }
    int[] rows = new int[nk];
    for (int i = 0, k = 0; i < n; i++) {
      if (keep[i]) {
        rows[k++] = i;
      }
    }
    List<Note> notes = new ArrayList<>();
    for (Cause c : causes) {
      if (c.missing > 0) {
        notes.add(
            Note.of(
                Note.Kind.MISSING,
                c.missing,
                rowsText(c.missing)
                    + " dropped because of missing values in "
                    + c.role
                    + " '"
                    + c.shown
                    + "'",
                List.of(c.shown)));
      }
      if (c.nonFinite > 0) {
        notes.add(
            Note.of(
                Note.Kind.NON_FINITE,
                c.nonFinite,
                rowsText(c.nonFinite)
                    + " dropped because "
                    + c.role
                    + " '"
                    + c.shown
                    + "' is not finite (e.g. log of zero or of a negative number, division by"
                    + " zero)",
                List.of(c.shown)));
      }
    }
    if (nk == 0) {
      StringBuilder sb = new StringBuilder();
      for (Note note : notes) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(note.message());
      }
      throw new SpecificationException(
          "no rows left in "
              + ev.context()
              + " after dropping rows with missing or non-finite values ("
              + (n == 0 ? "the panel is empty" : sb)
              + "); check the columns or the filter");
    }

    // outputs over the kept rows
    double[] yk = gather(y, rows);
    List<double[]> cols = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (intercept) {
      double[] one = new double[nk];
      Arrays.fill(one, 1.0);
      cols.add(one);
      names.add(ModelFrame.INTERCEPT);
    }
    List<Integer> termOf = new ArrayList<>();
    java.util.HashSet<String> seen = new java.util.HashSet<>(names);
    for (int i = 0; i < names.size(); i++) {
      termOf.add(-1);
    }
    for (int ti = 0; ti < plans.size(); ti++) {
      List<Part> parts = plans.get(ti);
      List<String> pn = new ArrayList<>(List.of(""));
      List<double[]> pv = new ArrayList<>();
      pv.add(null);
      for (Part p : parts) {
        List<String> qn = new ArrayList<>();
        List<double[]> qv = new ArrayList<>();
        columns(p, rows, qn, qv);
        List<String> rn = new ArrayList<>();
        List<double[]> rv = new ArrayList<>();
        for (int a = 0; a < pn.size(); a++) {
          for (int b = 0; b < qn.size(); b++) {
            rn.add(pn.get(a).isEmpty() ? qn.get(b) : pn.get(a) + ":" + qn.get(b));
            rv.add(pv.get(a) == null ? qv.get(b) : times(pv.get(a), qv.get(b)));
          }
        }
        pn = rn;
        pv = rv;
      }
      for (int j = 0; j < pn.size(); j++) {
        if (seen.add(pn.get(j))) {
          names.add(pn.get(j));
          cols.add(pv.get(j));
          termOf.add(ti);
        }
      }
    }
    List<GroupCodes> fes = new ArrayList<>();
    for (int f = 0; f < feEnc.size(); f++) {
      fes.add(feEnc.get(f).dense(formula.fixedEffects().get(f).name(), rows));
    }
    List<VaryingSlope> slopes = new ArrayList<>();
    int s = 0;
    for (int f = 0; f < formula.fixedEffects().size(); f++) {
      FixedEffect fe = formula.fixedEffects().get(f);
      for (String sv : fe.slopes()) {
        slopes.add(new VaryingSlope(f, fe.name(), sv, gather(slopeValues.get(s++), rows)));
      }
    }
    List<GroupCodes> clusters = new ArrayList<>();
    for (int c = 0; c < clusterEnc.size(); c++) {
      clusters.add(clusterEnc.get(c).dense(options.clusters().get(c), rows));
    }
    return new ModelFrame(
        formula,
        yk,
        cols.toArray(new double[0][]),
        names,
        termOf,
        intercept,
        fes,
        slopes,
        clusters,
        weights == null ? null : gather(weights, rows),
        offset == null ? null : gather(offset, rows),
        keep,
        rows,
        notes);
  }

  /** Whether the formula has a term made of exactly these parts (in any order). */
  private boolean hasTerm(List<Term> parts) {
    Set<Term> want = new LinkedHashSet<>(parts);
    for (Term t : formula.terms()) {
      if (parts.size() == 1 && t.equals(parts.get(0))) {
        return true;
      }
      if (t instanceof Term.Interaction
          && new LinkedHashSet<>(((Term.Interaction) t).parts()).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String rowsText(long k) {
    return k == 1 ? "1 row" : k + " rows";
  }

  private Term optionTerm(String text, String role) {
    if (panel.hasColumn(text)) {
      return new Term.Variable(text);
    }
    return Parser.expression(text, role + " expression");
  }

  private Part part(Term t, boolean top, boolean dropFirst) {
    Part p = new Part();
    if (t instanceof Term.Variable && ev.isCategorical(((Term.Variable) t).name())) {
      p.variable = ((Term.Variable) t).name();
      p.factor = Encoding.of(ev, p.variable, null);
      p.naming = 1;
      p.dropFirst = dropFirst;
    } else if (t instanceof Term.Factor) {
      Term.Factor f = (Term.Factor) t;
      p.variable = f.variable();
      p.factor = Encoding.of(ev, p.variable, null);
      p.naming = 0;
      p.ref = f.ref();
      p.dropFirst = dropFirst && f.ref().isEmpty();
      checkRef(t, p);
    } else if (t instanceof Term.Indicator) {
      Term.Indicator f = (Term.Indicator) t;
      p.variable = f.variable();
      p.factor = Encoding.of(ev, p.variable, null);
      p.naming = 2;
      p.ref = f.ref();
      if (f.with().isPresent()) {
        p.with = ev.numeric(f.with().get());
        p.withName = f.with().get().toString();
      }
      checkRef(t, p);
    } else {
      p.values = ev.numeric(t);
      p.name = t.toString();
    }
    return p;
  }

  private void checkRef(Term t, Part p) {
    for (String r : p.ref) {
      if (!p.factor.labels.contains(r)) {
        List<String> levels = sortedLevels(p.factor, null);
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < Math.min(20, levels.size()); k++) {
          shown.add(levels.get(k));
        }
        throw new SpecificationException(
            "reference level '"
                + r
                + "' in '"
                + t
                + "' is not a level of '"
                + p.variable
                + "' in "
                + ev.context()
                + "; levels: "
                + String.join(", ", shown)
                + (levels.size() > 20 ? ", ..." : ""));
      }
    }
  }

  /** The labels of the levels present (all when {@code present} is null), sorted. */
  private static List<String> sortedLevels(Encoding e, boolean[] present) {
    List<String> out = new ArrayList<>();
    for (int k : sortedIndices(e, present)) {
      out.add(e.labels.get(k));
    }
    return out;
  }

  private static List<Integer> sortedIndices(Encoding e, boolean[] present) {
    List<Integer> idx = new ArrayList<>();
    for (int k = 0; k < e.levelCount(); k++) {
      if (present == null || present[k]) {
        idx.add(k);
      }
    }
    if (e.values != null) {
      idx.sort(Comparator.comparingDouble(k -> e.values[k]));
    } else {
      idx.sort(Comparator.comparing(k -> e.labels.get(k)));
    }
    return idx;
  }

  /** The design columns of one part over the kept rows. */
  private void columns(Part p, int[] rows, List<String> names, List<double[]> values) {
    int nk = rows.length;
    if (p.values != null) {
      names.add(p.name);
      values.add(gather(p.values, rows));
      return;
    }
    Encoding e = p.factor;
    int g = e.levelCount();
    boolean[] present = new boolean[g];
    int[] codes = e.codes;
    for (int i = 0; i < nk; i++) {
      present[codes[rows[i]]] = true;
    }
    List<Integer> levels = sortedIndices(e, present);
    Set<String> dropped = new LinkedHashSet<>(p.ref);
    if (p.dropFirst && !levels.isEmpty()) {
      dropped.add(e.labels.get(levels.get(0)));
    }
    int[] column = new int[g];
    Arrays.fill(column, -1);
    List<String> keptLevels = new ArrayList<>();
    for (int k : levels) {
      String l = e.labels.get(k);
      if (!dropped.contains(l)) {
        column[k] = keptLevels.size();
        keptLevels.add(l);
      }
    }
    double[][] out = new double[keptLevels.size()][nk];
    double[] with = p.with;
    for (int i = 0; i < nk; i++) {
      int r = rows[i];
      int j = column[codes[r]];
      if (j >= 0) {
        out[j][i] = with == null ? 1.0 : with[r];
      }
    }
    String shownVar = Printer.name(p.variable);
    for (int j = 0; j < keptLevels.size(); j++) {
      String l = keptLevels.get(j);
      String name;
      switch (p.naming) {
        case 0:
          name = "factor(" + shownVar + ")" + l;
          break;
        case 1:
          name = shownVar + l;
          break;
        default:
          name = shownVar + "::" + l + (p.withName == null ? "" : ":" + p.withName);
          break;
      }
      names.add(name);
      values.add(out[j]);
    }
  }

  private static double[] times(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * b[i];
    }
    return out;
  }

  /**
   * The values at the kept rows. When every row is kept the array itself is returned: it may be the
   * panel's own column (the evaluator shares plain columns), which is safe because neither the
   * panel, the frame nor the estimators ever modify these arrays (the frame's public getters copy),
   * and it saves a copy of each column.
   */
  private static double[] gather(double[] x, int[] rows) {
    if (rows.length == x.length) {
      return x;
    }
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = x[rows[i]];
    }
    return out;
  }

  /** Whether a NaN of {@code term} at {@code row} counts as missing (vs. non-finite). */
  private boolean isMissing(Cause c, int row) {
    if (c.term == null || c.shift) {
      return true;
    }
    for (String v : c.vars) {
      if (ev.missingAt(v, row)) {
        return true;
      }
    }
    return false;
  }

  static void collect(Term t, Set<String> vars, boolean[] shift) {
    if (t instanceof Term.Variable) {
      vars.add(((Term.Variable) t).name());
    } else if (t instanceof Term.Function) {
      collect(((Term.Function) t).argument(), vars, shift);
    } else if (t instanceof Term.Identity) {
      collect(((Term.Identity) t).expression(), vars, shift);
    } else if (t instanceof Term.Operation) {
      collect(((Term.Operation) t).left(), vars, shift);
      collect(((Term.Operation) t).right(), vars, shift);
    } else if (t instanceof Term.Negation) {
      collect(((Term.Negation) t).operand(), vars, shift);
    } else if (t instanceof Term.Not) {
      collect(((Term.Not) t).operand(), vars, shift);
    } else if (t instanceof Term.Shift) {
      shift[0] = true;
      collect(((Term.Shift) t).argument(), vars, shift);
    } else if (t instanceof Term.Interaction) {
      for (Term p : ((Term.Interaction) t).parts()) {
        collect(p, vars, shift);
      }
    } else if (t instanceof Term.Factor) {
      vars.add(((Term.Factor) t).variable());
    } else if (t instanceof Term.Indicator) {
      vars.add(((Term.Indicator) t).variable());
      if (((Term.Indicator) t).with().isPresent()) {
        collect(((Term.Indicator) t).with().get(), vars, shift);
      }
    }
  }
}
