package org.econ4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.econ4j.core.Note;
import org.econ4j.core.table.TableFormat;
import picocli.CommandLine;

/** Writes a command's text to standard output or to {@code --out}. */
final class Output {
  private Output() {}

  static void write(CommandLine cl, Path out, String text) {
    if (out == null) {
      PrintWriter w = cl.getOut();
      w.print(text);
      w.flush();
      return;
    }
    try {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(
          "could not write '"
              + out
              + "' ("
              + e.getMessage()
              + "); check the path given with --out");
    }
  }

  static String notesText(List<Note> notes) {
    StringBuilder sb = new StringBuilder();
    for (Note n : notes) {
      sb.append("Note: ").append(n.message()).append('\n');
    }
    return sb.toString();
  }

  static Note subsetNote(DataOptions d, int rowsAfter) {
    long dropped = (long) d.rowsRead - rowsAfter;
    return Note.of(
        Note.Kind.SUBSET,
        dropped,
        dropped + (dropped == 1 ? " row" : " rows") + " dropped by --subset '" + d.subset + "'");
  }

  /**
   * Parses {@code --format}.
   *
   * @param format the option's value
   * @param jsonAllowed whether the command writes JSON
   * @return the table format, or {@code null} for {@code json}
   */
  static TableFormat parseFormat(String format, boolean jsonAllowed) {
    String n = format.trim().toLowerCase(Locale.ROOT);
    if (jsonAllowed && n.equals("json")) {
      return null;
    }
    try {
      return TableFormat.parse(n);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "option '--format' has the unknown value '"
              + format
              + "'; use one of text, markdown, latex, html, csv"
              + (jsonAllowed ? ", json" : ""));
    }
  }
}
