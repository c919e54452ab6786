package org.econ4j.panel.fe;

import java.util.List;
import org.econ4j.core.Note;

/**
 * The outcome of {@link FixedEffects#removeSingletons()}: which rows are kept, how many rows each
 * round removed, the fixed effects on the kept rows, and the {@link Note.Kind#SINGLETON} note.
 * Immutable; arrays are copied in and out.
 */
public final class SingletonRemoval {
  private final boolean[] kept;
  private final int[] removedPerRound;
  private final FixedEffects fixedEffects;
  private final List<Note> notes;

  SingletonRemoval(
      boolean[] kept, int[] removedPerRound, FixedEffects fixedEffects, List<Note> notes) {
    this.kept = kept;
    this.removedPerRound = removedPerRound;
    this.fixedEffects = fixedEffects;
    this.notes = List.copyOf(notes);
  }

  /**
   * @return a copy of the kept-row mask over the original rows (true = kept)
   */
  public boolean[] kept() {
    return kept.clone();
  }

  /**
   * @return the number of rows removed in each round (empty if none)
   */
  public int[] removedPerRound() {
    return removedPerRound.clone();
  }

  /**
   * @return the total number of rows removed
   */
  public int removed() {
    int t = 0;
    for (int r : removedPerRound) {
      t += r;
    }
    return t;
  }

  /**
   * @return the number of rounds that removed rows
   */
  public int rounds() {
    return removedPerRound.length;
  }

  /**
   * @return the fixed effects on the kept rows (this same object's source if nothing was removed)
   */
  public FixedEffects fixedEffects() {
    return fixedEffects;
  }

  /**
   * @return the notes: one {@link Note.Kind#SINGLETON} note when rows were removed, else empty
   */
  public List<Note> notes() {
    return notes;
  }
}
