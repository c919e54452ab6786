package org.econ4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.econ4j.core.Note;
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
        Note.Kind.SUBSET, dropped, dropped + " rows dropped by --subset '" + d.subset + "'");
  }
}
