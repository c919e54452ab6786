package org.econ4j.panel.internal;

import org.econ4j.panel.CategoricalColumn;
import org.econ4j.panel.Panel;
import org.econ4j.panel.fe.FixedEffects;
import org.econ4j.panel.formula.GroupCodes;
import org.econ4j.panel.formula.ModelFrame;

/**
 * Read-only access to the arrays behind {@link Panel}, {@link CategoricalColumn}, {@link
 * ModelFrame} and {@link GroupCodes} <em>without</em> the defensive copies their public getters
 * make. The estimators use it so that a fit on 10⁷ rows does not copy every column it reads (each
 * copy is 80 MB). Callers must never modify the arrays returned here. Not a public API.
 *
 * <p>The owning classes register their accessors in their static initialisers; every method here
 * receives an instance of the owner, so the owner is initialised before its accessor is needed.
 */
public final class Shared {
  /** The accessors of {@link Panel} and {@link CategoricalColumn}. */
  public interface PanelAccess {
    /**
     * @param panel a panel
     * @param name a numeric column
     * @return its values, shared
     */
    double[] numeric(Panel panel, String name);

    /**
     * @param column a categorical column
     * @return its codes, shared
     */
    int[] codes(CategoricalColumn column);
  }

  /** The accessors of {@link ModelFrame} and {@link GroupCodes}. */
  public interface FrameAccess {
    /**
     * @param frame a frame
     * @return the response, shared
     */
    double[] response(ModelFrame frame);

    /**
     * @param frame a frame
     * @return the design columns, shared (the outer array is a copy)
     */
    double[][] columns(ModelFrame frame);

    /**
     * @param frame a frame
     * @return the weights, shared, or null when there are none
     */
    double[] weights(ModelFrame frame);

    /**
     * @param frame a frame
     * @return the offset, shared, or null when there is none
     */
    double[] offset(ModelFrame frame);

    /**
     * @param frame a frame
     * @return the kept panel rows, shared
     */
    int[] keptRows(ModelFrame frame);

    /**
     * @param codes group codes
     * @return the codes, shared
     */
    int[] codes(GroupCodes codes);
  }

  /** Building {@link FixedEffects} from codes that are kept without a copy when already dense. */
  @FunctionalInterface
  public interface FixedEffectsAccess {
    /**
     * @param fe the dimensions so far, or null for none
     * @param name the new dimension's name
     * @param codes its codes (non-negative), shared: never modified by the caller afterwards
     * @return the fixed effects with the dimension appended
     */
    FixedEffects withDimension(FixedEffects fe, String name, int[] codes);
  }

  private static volatile FixedEffectsAccess fixedEffectsAccess;
  private static volatile PanelAccess panelAccess;
  private static volatile FrameAccess frameAccess;

  private Shared() {}

  /**
   * Registers the panel accessor (called once by {@link Panel}).
   *
   * @param access the accessor
   */
  public static void register(PanelAccess access) {
    panelAccess = access;
  }

  /**
   * Registers the fixed-effects builder (called once by {@link FixedEffects}).
   *
   * @param access the builder
   */
  public static void register(FixedEffectsAccess access) {
    fixedEffectsAccess = access;
  }

  /**
   * {@link FixedEffects#of}/{@link FixedEffects#withDimension} without the copy of codes that are
   * already dense.
   *
   * @param fe the dimensions so far, or null for none
   * @param name the new dimension's name
   * @param codes its codes; the caller must never modify them afterwards
   * @return the fixed effects with the dimension appended
   */
  public static FixedEffects withDimension(FixedEffects fe, String name, int[] codes) {
    if (fixedEffectsAccess == null) {
      ensure(FixedEffects.class);
    }
    return fixedEffectsAccess.withDimension(fe, name, codes);
  }

  /**
   * Registers the frame accessor (called once by {@link ModelFrame}).
   *
   * @param access the accessor
   */
  public static void register(FrameAccess access) {
    frameAccess = access;
  }

  /**
   * @param panel a panel
   * @param name a numeric column
   * @return the column's values, shared: never modify
   */
  public static double[] numeric(Panel panel, String name) {
    return panelAccess.numeric(panel, name);
  }

  /**
   * @param column a categorical column
   * @return its codes, shared: never modify
   */
  public static int[] codes(CategoricalColumn column) {
    if (panelAccess == null) {
      ensure(Panel.class);
    }
    return panelAccess.codes(column);
  }

  /**
   * @param frame a model frame
   * @return the response, shared: never modify
   */
  public static double[] response(ModelFrame frame) {
    return frameAccess.response(frame);
  }

  /**
   * @param frame a model frame
   * @return the design columns, shared: never modify
   */
  public static double[][] columns(ModelFrame frame) {
    return frameAccess.columns(frame);
  }

  /**
   * @param frame a model frame
   * @return the weights, shared, or null when there are none
   */
  public static double[] weights(ModelFrame frame) {
    return frameAccess.weights(frame);
  }

  /**
   * @param frame a model frame
   * @return the offset, shared, or null when there is none
   */
  public static double[] offset(ModelFrame frame) {
    return frameAccess.offset(frame);
  }

  /**
   * @param frame a model frame
   * @return the kept panel rows, shared: never modify
   */
  public static int[] keptRows(ModelFrame frame) {
    return frameAccess.keptRows(frame);
  }

  /**
   * @param codes group codes
   * @return the codes, shared: never modify
   */
  public static int[] codes(GroupCodes codes) {
    if (frameAccess == null) {
      ensure(ModelFrame.class);
    }
    return frameAccess.codes(codes);
  }

  /** Initialises the class that registers an accessor (a GroupCodes may exist before any frame). */
  private static void ensure(Class<?> owner) {
    try {
      Class.forName(owner.getName(), true, owner.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("class " + owner.getName() + " not found", e);
    }
  }
}
