package org.econ4j.spatial;

import java.util.List;
import java.util.Objects;
import org.econ4j.panel.Panel;

/**
 * A panel with added spillover (or intensity) columns and the notes on what could not be computed.
 *
 * @param panel the panel with the new columns (index kept)
 * @param columns the names of the added columns, in order
 * @param notes missing results and their causes (rows without a network, missing neighbour values,
 *     units absent from the weights)
 */
public record SpilloverResult(Panel panel, List<String> columns, List<org.econ4j.core.Note> notes) {
  /** Copies the lists. */
  public SpilloverResult {
    Objects.requireNonNull(panel, "panel");
    columns = List.copyOf(columns);
    notes = List.copyOf(notes);
  }
}
