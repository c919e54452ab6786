package org.econ4j.panel.formula;

import java.util.List;
import java.util.Objects;

/**
 * A grouping over the kept rows of a {@link ModelFrame}: a fixed-effect dimension (e.g. {@code
 * Origin} or the combination {@code Origin^Year}) or a cluster column, as dense integer codes
 * 0..G−1 (numbered in order of first appearance among the kept rows) with one label per code.
 * Combined levels are labelled by joining the parts with {@code _} (as fixest).
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class GroupCodes {
  private final String name;
  private final int[] codes;
  private final List<String> levels;

  GroupCodes(String name, int[] codes, List<String> levels) {
    this.name = name;
    this.codes = codes;
    // numeric labels are formatted on demand (immutable already); others are copied
    this.levels = levels instanceof NumberLabels ? levels : List.copyOf(levels);
  }

  /**
   * Creates group codes (for tests and callers building frames by hand).
   *
   * @param name the display name
   * @param codes one code per row in [0, levels.size()); copied
   * @param levels one label per code
   * @return the group codes
   * @throws IllegalArgumentException if a code is out of range
   */
  public static GroupCodes of(String name, int[] codes, List<String> levels) {
    Objects.requireNonNull(name, "name");
    int[] c = Objects.requireNonNull(codes, "codes").clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] < 0 || c[i] >= levels.size()) {
        throw new IllegalArgumentException(
            "group code " + c[i] + " at row " + i + " is outside [0, " + levels.size() + ")");
      }
    }
    return new GroupCodes(name, c, levels);
  }

  /**
   * @return the name, e.g. {@code Origin} or {@code Origin^Year}
   */
  public String name() {
    return name;
  }

  /**
   * @return one code per kept row (a copy)
   */
  public int[] codes() {
    return codes.clone();
  }

  /** The codes without a copy, for {@link org.econ4j.panel.internal.Shared}. */
  int[] codesShared() {
    return codes;
  }

  /**
   * @param row a kept row (0-based position in the frame)
   * @return its code
   */
  public int code(int row) {
    return codes[row];
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return codes.length;
  }

  /**
   * @return the number of groups G
   */
  public int groupCount() {
    return levels.size();
  }

  /**
   * @return the label of each code
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * @return the number of rows in each group
   */
  public int[] groupSizes() {
    int[] s = new int[levels.size()];
    for (int c : codes) {
      s[c]++;
    }
    return s;
  }

  @Override
  public String toString() {
    return "GroupCodes[" + name + ": " + levels.size() + " groups, " + codes.length + " rows]";
  }
}
