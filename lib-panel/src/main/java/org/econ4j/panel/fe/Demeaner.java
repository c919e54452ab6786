package org.econ4j.panel.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.econ4j.core.ConvergenceException;
import org.econ4j.core.EstimationException;
import org.econ4j.core.Note;

/**
 * Sweeps fixed effects out of columns: for each column y it finds the fixed-effect coefficients c
 * minimising Σ<sub>i</sub> w<sub>i</sub>(y<sub>i</sub> − (Dc)<sub>i</sub>)², D the fixed-effect
 * design ({@link FixedEffects}), and returns the residual y − Dc (the "demeaned" column). By the
 * Frisch–Waugh–Lovell theorem, OLS of demeaned y on demeaned X gives the FE-OLS slopes.
 *
 * <h2>Algorithms</h2>
 *
 * <ul>
 *   <li><b>Alternating projections</b> (Guimarães &amp; Portugal 2010, Gaure 2013): each step
 *       subtracts, for one dimension, the weighted group means of the current residual (for varying
 *       slopes: the within-group weighted least-squares fit on intercept and slope), cycling over
 *       the dimensions (one cycle = one <i>iteration</i>). Every two iterations the coefficient
 *       vector is extrapolated by Irons–Tuck (1969) acceleration, X′ = GGX − (ΔGX·Δ²X /
 *       Δ²X·Δ²X)·ΔGX with ΔGX = GGX − GX and Δ²X = GGX − 2GX + X, as in Berge (2018). With exactly
 *       two intercept dimensions the iteration runs in coefficient space over the distinct level
 *       pairs, with the smaller dimension's coefficients as the accelerated state (fixest's two-FE
 *       path).
 *   <li><b>Preconditioned conjugate gradients</b> on the normal equations D′WD c = D′Wy, with the
 *       block-Jacobi preconditioner (per group: Σw, or the 2×2 moment matrix of intercept and
 *       slope). Much faster on weakly connected fixed-effect graphs (worker–firm designs, the
 *       {@code difficult} benchmark), where projections zig-zag for thousands of iterations. With
 *       two intercept dimensions CG runs over the distinct level pairs; with three or more
 *       intercept dimensions it runs on the Schur complement D<sub>R</sub>′W(I −
 *       P<sub>L</sub>)D<sub>R</sub> after eliminating exactly the dimension L with most levels (its
 *       coefficients are the group means given the others), so the iterated vector holds only the
 *       smaller dimensions; when cheap to build (at most 50 passes' worth of work) that Schur
 *       complement is formed explicitly as a sparse matrix, so a CG step costs its non-zeros rather
 *       than a pass over the rows (with two dimensions this explicit form is used when cheap,
 *       otherwise CG runs over the level pairs).
 *   <li><b>Direct Schur solve</b>: in a weighted call (the IRLS of count models), when the columns
 *       go to the Schur complement at once and the dimensions other than L have at most 64 levels
 *       in all ({@code unit + year}), S is written out as a dense matrix once per call (one pass
 *       over the rows and small dot products, in fixed chunks: the same bits for any thread count)
 *       and factorised by Cholesky, skipping the null pivots of the reference levels; each column
 *       then needs two passes over the rows and no CG steps. The solution is accepted when the
 *       final residual passes the convergence test below on the true operator, else CG continues
 *       from it. {@link #withDirectSchur(boolean)} switches it off.
 *   <li><b>Automatic choice</b> ({@link Method#AUTO}, default): with three or more intercept-only
 *       dimensions, or two of which the smaller has at most 32 levels (e.g. {@code unit + year}),
 *       conjugate gradients on the Schur complement from the start (one pass over the rows per
 *       step; on well-connected panels they converge in a handful of steps, fewer passes than
 *       projections need, and on weakly connected ones far fewer); otherwise projections first, and
 *       if they have not converged after {@link #switchIterations()} iterations (default {@value
 *       #DEFAULT_SWITCH_ITERATIONS}), conjugate gradients continue from the current coefficients
 *       with the remaining iteration budget.
 * </ul>
 *
 * <h2>Convergence</h2>
 *
 * A coefficient has converged when its last change d satisfies |d| ≤ tol or |d| / (0.1 + |c|) ≤ tol
 * (fixest's criterion on the fixed-effect coefficients); a column has converged when every
 * coefficient has. For conjugate gradients the change is the step a projection would take from the
 * current coefficients, i.e. the weighted group mean of the current residual in each group — so
 * convergence means that the demeaned column has (weighted) mean within tol of zero in every group.
 * Defaults: tol = {@value #DEFAULT_TOLERANCE} (fixest {@code fixef.tol}), at most {@value
 * #DEFAULT_MAX_ITERATIONS} iterations (fixest {@code fixef.iter}). A column that does not converge
 * gives a {@link Note.Kind#CONVERGENCE} note, or a {@link ConvergenceException} when {@link
 * #strict()}.
 *
 * <h2>Weights, warm starts, threads</h2>
 *
 * Weighted demeaning (group means weighted by w<sub>i</sub> ≥ 0) serves IRLS in count models; a
 * {@link DemeanState} from a previous result warm-starts the coefficients. Columns are independent
 * and run in parallel on the caller's {@link ExecutorService} (default: the common fork-join pool),
 * at most {@link #parallelism()} at a time; each column's arithmetic is sequential and fixed, so
 * results are bit-identical for any thread count. Work arrays are allocated per column before the
 * loops; the loops allocate nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * <h2>References</h2>
 *
 * Guimarães, P. and Portugal, P. (2010). A simple feasible procedure to fit models with
 * high-dimensional fixed effects. Stata Journal 10(4), 628–649. Gaure, S. (2013). OLS with multiple
 * high dimensional category variables. Computational Statistics &amp; Data Analysis 66, 8–18.
 * Berge, L. (2018). Efficient estimation of maximum likelihood models with multiple fixed-effects:
 * the R package FENmlm. CREA Discussion Paper 2018-13. Irons, B.M. and Tuck, R.C. (1969). A version
 * of the Aitken accelerator for computer iteration. International Journal for Numerical Methods in
 * Engineering 1(3), 275–277. Hestenes, M.R. and Stiefel, E. (1952). Methods of conjugate gradients
 * for solving linear systems. Journal of Research of the NBS 49(6), 409–436.
 */
public final class Demeaner {

  /** Default tolerance, fixest {@code fixef.tol}. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** Default maximum number of iterations, fixest {@code fixef.iter}. */
  public static final int DEFAULT_MAX_ITERATIONS = 10_000;

  /** Default number of projection iterations after which {@link Method#AUTO} switches to CG. */
  public static final int DEFAULT_SWITCH_ITERATIONS = 20;

  /** The solver. */
  public enum Method {
    /** Projections, switching to conjugate gradients when they converge slowly (default). */
    AUTO,
    /** Alternating projections with Irons–Tuck acceleration only. */
    ALTERNATING_PROJECTIONS,
    /** Preconditioned conjugate gradients only. */
    CONJUGATE_GRADIENT
  }

  private static final Demeaner DEFAULTS =
      new Demeaner(
          DEFAULT_TOLERANCE,
          DEFAULT_MAX_ITERATIONS,
          Method.AUTO,
          DEFAULT_SWITCH_ITERATIONS,
          false,
          null,
          Runtime.getRuntime().availableProcessors(),
          true);

  private final double tolerance;
  private final int maxIterations;
  private final Method method;
  private final int switchIterations;
  private final boolean strict;
  private final ExecutorService executor; // null = common pool
  private final int parallelism;
  private final boolean directSchur;

  private Demeaner(
      double tolerance,
      int maxIterations,
      Method method,
      int switchIterations,
      boolean strict,
      ExecutorService executor,
      int parallelism,
      boolean directSchur) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.method = method;
    this.switchIterations = switchIterations;
    this.strict = strict;
    this.executor = executor;
    this.parallelism = parallelism;
    this.directSchur = directSchur;
  }

  /**
   * @return the default configuration: tolerance 1e-6, 10,000 iterations, {@link Method#AUTO}, not
   *     strict, the common pool, parallelism = available processors
   */
  public static Demeaner defaults() {
    return DEFAULTS;
  }

  /**
   * @param tol the convergence tolerance, &gt; 0 (fixest {@code fixef.tol})
   * @return a new instance
   */
  public Demeaner withTolerance(double tol) {
    if (!(tol > 0) || !Double.isFinite(tol)) {
      throw new IllegalArgumentException(
          "demeaning tolerance must be a finite number > 0, got " + tol);
    }
    return new Demeaner(
        tol, maxIterations, method, switchIterations, strict, executor, parallelism, directSchur);
  }

  /**
   * @param max the maximum number of iterations, ≥ 1 (fixest {@code fixef.iter})
   * @return a new instance
   */
  public Demeaner withMaxIterations(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + max);
    }
    return new Demeaner(
        tolerance, max, method, switchIterations, strict, executor, parallelism, directSchur);
  }

  /**
   * @param m the solver
   * @return a new instance
   */
  public Demeaner withMethod(Method m) {
    Objects.requireNonNull(m, "method");
    return new Demeaner(
        tolerance, maxIterations, m, switchIterations, strict, executor, parallelism, directSchur);
  }

  /**
   * @param iterations projection iterations before {@link Method#AUTO} switches to conjugate
   *     gradients, ≥ 1
   * @return a new instance
   */
  public Demeaner withSwitchIterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("switchIterations must be >= 1, got " + iterations);
    }
    return new Demeaner(
        tolerance, maxIterations, method, iterations, strict, executor, parallelism, directSchur);
  }

  /**
   * @param s whether non-convergence throws {@link ConvergenceException} instead of a note
   * @return a new instance
   */
  public Demeaner withStrict(boolean s) {
    return new Demeaner(
        tolerance, maxIterations, method, switchIterations, s, executor, parallelism, directSchur);
  }

  /**
   * Whether the Schur complement may be solved directly when the smaller dimensions have few levels
   * (default true; see the class documentation). Switch it off for weights of extreme dynamic range
   * (such as the method-of-weighting rectifier of the separation checks, with weights 1 and
   * 10<sup>10</sup>), where forming the Schur complement explicitly loses the digits that carry the
   * small weights, and conjugate gradients on the implicit operator keep them.
   *
   * @param direct whether to use the dense direct solve
   * @return a new instance
   */
  public Demeaner withDirectSchur(boolean direct) {
    return new Demeaner(
        tolerance, maxIterations, method, switchIterations, strict, executor, parallelism, direct);
  }

  /**
   * @return whether the dense direct Schur solve may be used
   */
  public boolean directSchur() {
    return directSchur;
  }

  /**
   * @param pool the pool that runs columns in parallel (not shut down by the demeaner)
   * @return a new instance
   */
  public Demeaner withExecutor(ExecutorService pool) {
    Objects.requireNonNull(pool, "pool");
    return new Demeaner(
        tolerance, maxIterations, method, switchIterations, strict, pool, parallelism, directSchur);
  }

  /**
   * @param threads the largest number of columns demeaned at once, ≥ 1 (1 = in the calling thread)
   * @return a new instance
   */
  public Demeaner withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
    }
    return new Demeaner(
        tolerance, maxIterations, method, switchIterations, strict, executor, threads, directSchur);
  }

  /**
   * @return the tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @return the maximum number of iterations
   */
  public int maxIterations() {
    return maxIterations;
  }

  /**
   * @return the solver
   */
  public Method method() {
    return method;
  }

  /**
   * @return the projection iterations before {@link Method#AUTO} switches
   */
  public int switchIterations() {
    return switchIterations;
  }

  /**
   * @return whether non-convergence throws
   */
  public boolean strict() {
    return strict;
  }

  /**
   * @return the caller's pool, if one was given
   */
  public Optional<ExecutorService> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * @return the largest number of columns demeaned at once
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Demeans columns without weights, from a cold start.
   *
   * @param fe the fixed effects
   * @param columns the columns, each of length {@code fe.rows()} (not modified)
   * @return the result
   */
  public DemeanResult demean(FixedEffects fe, double[][] columns) {
    return run(fe, columns, null, null);
  }

  /**
   * Demeans columns with observation weights (group means weighted), from a cold start.
   *
   * @param fe the fixed effects
   * @param columns the columns (not modified)
   * @param weights one finite weight ≥ 0 per row
   * @return the result
   */
  public DemeanResult demean(FixedEffects fe, double[][] columns, double[] weights) {
    Objects.requireNonNull(weights, "weights");
    return run(fe, columns, weights, null);
  }

  /**
   * Demeans columns without weights, warm-started from a previous state.
   *
   * @param fe the fixed effects
   * @param columns the columns (not modified)
   * @param warmStart coefficients of a previous demeaning with the same fixed effects and number of
   *     columns
   * @return the result
   */
  public DemeanResult demean(FixedEffects fe, double[][] columns, DemeanState warmStart) {
    Objects.requireNonNull(warmStart, "warmStart");
    return run(fe, columns, null, warmStart);
  }

  /**
   * Demeans columns with weights, warm-started from a previous state (the IRLS call).
   *
   * @param fe the fixed effects
   * @param columns the columns (not modified)
   * @param weights one finite weight ≥ 0 per row
   * @param warmStart coefficients of a previous demeaning with the same fixed effects and number of
   *     columns
   * @return the result
   */
  public DemeanResult demean(
      FixedEffects fe, double[][] columns, double[] weights, DemeanState warmStart) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(warmStart, "warmStart");
    return run(fe, columns, weights, warmStart);
  }

  private DemeanResult run(FixedEffects fe, double[][] columns, double[] w, DemeanState warm) {
    Objects.requireNonNull(fe, "fe");
    Objects.requireNonNull(columns, "columns");
    int n = fe.rows();
    int ncol = columns.length;
    for (int j = 0; j < ncol; j++) {
      Objects.requireNonNull(columns[j], "columns[" + j + "]");
      if (columns[j].length != n) {
        throw new IllegalArgumentException(
            "column "
                + j
                + " has "
                + columns[j].length
                + " rows, expected "
                + n
                + " (the rows of the fixed effects)");
      }
    }
    if (w != null) {
      if (w.length != n) {
        throw new IllegalArgumentException(
            "weights have "
                + w.length
                + " rows, expected "
                + n
                + " (the rows of the fixed effects)");
      }
      for (int i = 0; i < n; i++) {
        if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
          throw new IllegalArgumentException(
              "weight at row " + i + " is " + w[i] + ", expected a finite value >= 0");
        }
      }
    }
    int p = fe.coefficientCount();
    if (warm != null
        && (warm.columns() != ncol || (ncol > 0 && warm.coefficientsRef(0).length != p))) {
      throw new IllegalArgumentException(
          "warm start has "
              + warm.columns()
              + " columns of "
              + (warm.columns() > 0 ? warm.coefficientsRef(0).length : 0)
              + " coefficients, expected "
              + ncol
              + " columns of "
              + p
              + "; pass the state of a previous demeaning of the same fixed effects and columns");
    }
    Problem pr = new Problem(fe, w, method == Method.AUTO);
    if (directSchur) {
      pr.prepareDense(this::execute, method);
    }
    double[][] out = new double[ncol][];
    double[][] coef = new double[ncol][];
    int[] its = new int[ncol];
    boolean[] conv = new boolean[ncol];
    double[] last = new double[ncol];
    Method[] used = new Method[ncol];
    for (int j = 0; j < ncol; j++) {
      coef[j] = warm == null ? new double[p] : warm.coefficientsRef(j).clone();
    }
    Runnable[] tasks = new Runnable[ncol];
    for (int j = 0; j < ncol; j++) {
      final int col = j;
      tasks[j] =
          () -> {
            ColumnSolver s =
                new ColumnSolver(pr, tolerance, maxIterations, method, switchIterations);
            out[col] = s.solve(columns[col], coef[col]);
            its[col] = s.iterations;
            conv[col] = s.converged;
            last[col] = s.lastChange;
            used[col] = s.usedCg ? Method.CONJUGATE_GRADIENT : Method.ALTERNATING_PROJECTIONS;
          };
    }
    execute(tasks);
    List<Note> notes = new ArrayList<>();
    int bad = 0;
    int worst = -1;
    List<String> names = new ArrayList<>();
    for (int j = 0; j < ncol; j++) {
      if (!conv[j]) {
        bad++;
        names.add(Integer.toString(j));
        if (worst < 0 || last[j] > last[worst]) {
          worst = j;
        }
      }
    }
    if (bad > 0) {
      String msg =
          "demeaning did not converge after "
              + its[worst]
              + " iterations (tolerance "
              + Formats.g(tolerance)
              + ", last change "
              + Formats.g(last[worst])
              + "); raise maxIterations or check for weakly connected fixed effects";
      if (strict) {
        throw new ConvergenceException(msg, its[worst], tolerance, last[worst]);
      }
      notes.add(
          Note.of(
              Note.Kind.CONVERGENCE,
              its[worst],
              msg + " (" + bad + " of " + ncol + " columns: " + String.join(", ", names) + ")",
              names));
    }
    return new DemeanResult(out, its, conv, last, used, new DemeanState(coef), notes);
  }

  private void execute(Runnable[] tasks) {
    int workers = Math.min(parallelism, tasks.length);
    if (workers <= 1) {
      for (Runnable t : tasks) {
        t.run();
      }
      return;
    }
    ExecutorService pool = executor != null ? executor : ForkJoinPool.commonPool();
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          int j;
          while ((j = next.getAndIncrement()) < tasks.length) {
            tasks[j].run();
          }
        };
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < workers - 1; t++) {
      futures.add(pool.submit(worker));
    }
    worker.run();
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EstimationException("demeaning was interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c;
        }
        throw new EstimationException("demeaning failed: " + c, c);
      }
    }
  }
}
