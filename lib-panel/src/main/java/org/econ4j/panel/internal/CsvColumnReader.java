package org.econ4j.panel.internal;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.econ4j.core.SpecificationException;

/**
 * Streaming CSV reader producing primitive columns. FastCSV tokenises; a callback handler receives
 * each field as a character slice and appends it to the column's buffer: a number to a chunked
 * {@code double} buffer (parsed in place by {@link NumberText}), a label to a chunked {@code int}
 * code buffer through a {@link LabelDictionary}. No row objects and no per-field strings are made
 * (except new labels).
 *
 * <p>Missing tokens are matched after trimming spaces and tabs, and only in unquoted fields: a
 * quoted field is always taken literally, so that a label {@code "NA"} survives a write and read.
 *
 * <p>Type inference: a column is numeric while every non-missing field parses as a number. At the
 * first field that does not, the column switches to categorical from that row on; if it had held
 * numbers before, their original texts are recovered by a second streaming pass over the rows
 * before the switch (so that a label such as {@code 007} keeps its text), and the level order is
 * the order of first appearance. Not a public API.
 */
public final class CsvColumnReader {
  private CsvColumnReader() {}

  /** Column kinds for the reader. */
  public enum Kind {
    /** Inferred. */
    INFER,
    /** Forced numeric. */
    NUMERIC,
    /** Forced categorical. */
    CATEGORICAL
  }

  /**
   * One column read: either {@code numeric} (non-null) or {@code codes} with {@code levels}.
   *
   * @param name column name
   * @param numeric values, or null
   * @param codes codes (−1 missing), or null
   * @param levels levels, or null
   */
  public record Column(String name, double[] numeric, int[] codes, String[] levels) {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @param delimiter field delimiter
   * @param quote quote character
   * @param missing missing tokens
   * @param kinds forced kinds by column name (others inferred)
   * @return the columns in header order
   */
  public static List<Column> read(
      Path file, char delimiter, char quote, List<String> missing, Map<String, Kind> kinds) {
    String shown = file.toString();
    if (!Files.exists(file)) {
      throw new SpecificationException(
          "file '" + shown + "' does not exist; check the path and the working directory");
    }
    if (Files.isDirectory(file)) {
      throw new SpecificationException(
          "'" + shown + "' is a directory, not a CSV file; give the path of a file");
    }
    return read(shown, (b, h) -> b.build(h, file), delimiter, quote, missing, kinds);
  }

  /**
   * Reads CSV text held in memory.
   *
   * @param name how to name the source in messages
   * @param text the CSV text
   * @param delimiter field delimiter
   * @param quote quote character
   * @param missing missing tokens
   * @param kinds forced kinds by column name (others inferred)
   * @return the columns in header order
   */
  public static List<Column> read(
      String name,
      String text,
      char delimiter,
      char quote,
      List<String> missing,
      Map<String, Kind> kinds) {
    return read(
        name, (b, h) -> b.build(h, new StringReader(text)), delimiter, quote, missing, kinds);
  }

  /** Opens a FastCSV reader over the source (called once per pass). */
  private interface Opener {
    CsvReader<Boolean> open(CsvReader.CsvReaderBuilder builder, Handler handler) throws IOException;
  }

  private static List<Column> read(
      String shown,
      Opener source,
      char delimiter,
      char quote,
      List<String> missing,
      Map<String, Kind> kinds) {
    Handler h = new Handler(shown, missing, kinds, -1, null);
    run(shown, source, delimiter, quote, h);
    if (h.names == null) {
      throw new SpecificationException(
          "file '" + shown + "' is empty; expected a header row followed by data rows");
    }
    if (h.rows == 0) {
      throw new SpecificationException(
          "file '"
              + shown
              + "' has a header but no data rows; add data rows or check that this is the right"
              + " file");
    }
    int ncol = h.names.length;
    int maxSwitch = 0;
    boolean[] needText = new boolean[ncol];
    for (int j = 0; j < ncol; j++) {
      if (h.switchRow[j] > 0 && h.hadNumber[j]) {
        needText[j] = true;
        maxSwitch = Math.max(maxSwitch, h.switchRow[j]);
      }
    }
    int[][] codes = new int[ncol][];
    LabelDictionary[] second = new LabelDictionary[ncol];
    if (maxSwitch > 0) {
      for (int j = 0; j < ncol; j++) {
        if (needText[j]) {
          codes[j] = new int[h.rows];
          second[j] = new LabelDictionary();
        }
      }
      Handler h2 = new Handler(shown, missing, kinds, maxSwitch, codes);
      h2.secondDict = second;
      h2.limit = h.switchRow;
      run(shown, source, delimiter, quote, h2);
    }
    List<Column> out = new ArrayList<>(ncol);
    for (int j = 0; j < ncol; j++) {
      String name = h.names[j];
      if (h.cat[j] == null) {
        out.add(new Column(name, h.num[j].drain(), null, null));
        continue;
      }
      int r = h.switchRow[j];
      h.num[j].release();
      if (needText[j]) {
        LabelDictionary old = h.dict[j];
        LabelDictionary d2 = second[j];
        int[] map = new int[old.size()];
        for (int c = 0; c < map.length; c++) {
          map[c] = d2.code(old.level(c));
        }
        h.cat[j].drainInto(codes[j], r, map);
        out.add(new Column(name, null, codes[j], d2.levels()));
      } else {
        int[] cs = new int[h.rows];
        Arrays.fill(cs, 0, r, -1);
        h.cat[j].drainInto(cs, r, null);
        out.add(new Column(name, null, cs, h.dict[j].levels()));
      }
    }
    return out;
  }

  private static void run(String shown, Opener source, char delimiter, char quote, Handler h) {
    try (CsvReader<Boolean> reader =
        source.open(
            CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter(quote)
                .detectBomHeader(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE),
            h)) {
      Iterator<Boolean> it = reader.iterator();
      while (it.hasNext()) {
        it.next();
        if (h.stopAfter >= 0 && h.rows >= h.stopAfter) {
          break;
        }
      }
    } catch (NoSuchFileException e) {
      throw new SpecificationException(
          "file '" + shown + "' does not exist; check the path and the working directory", e);
    } catch (IOException e) {
      throw new SpecificationException(
          "cannot read file '" + shown + "': " + e.getMessage() + "; check that it is readable", e);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SpecificationException) {
          throw (SpecificationException) t;
        }
      }
      if (e instanceof UncheckedIOException) {
        Throwable c = e.getCause();
        throw new SpecificationException(
            "cannot read file '"
                + shown
                + "': "
                + (c == null ? e.getMessage() : c.getMessage())
                + "; check that it is a readable UTF-8 text file",
            e);
      }
      if (e instanceof CsvParseException || isFastCsv(e)) {
        throw new SpecificationException(
            "cannot parse CSV file '"
                + shown
                + "': "
                + oneLine(e)
                + "; check the quoting and the delimiter '"
                + delimiter
                + "'",
            e);
      }
      throw e;
    }
  }

  private static boolean isFastCsv(RuntimeException e) {
    StackTraceElement[] st = e.getStackTrace();
    return st.length > 0 && st[0].getClassName().startsWith("de.siegmar.fastcsv");
  }

  private static String oneLine(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(t.getMessage());
      }
    }
    return sb.toString().replace('\n', ' ').replace('\r', ' ');
  }

  private static final class Handler extends AbstractBaseCsvCallbackHandler<Boolean> {
    private final String file;
    private final char[][] missing;
    private final int maxMissing;
    private final Map<String, Kind> kinds;
    final int stopAfter;
    private final int[][] secondCodes;
    LabelDictionary[] secondDict;
    int[] limit;

    String[] names;
    private Kind[] kind;
    Chunks.Doubles[] num;
    Chunks.Ints[] cat;
    LabelDictionary[] dict;
    int[] switchRow;
    boolean[] hadNumber;
    int rows;
    private boolean header = true;
    private List<String> headerFields = new ArrayList<>();
    private long line;

    Handler(String file, List<String> missing, Map<String, Kind> kinds, int stopAfter, int[][] sc) {
      this.file = file;
      this.missing = new char[missing.size()][];
      int longest = 0;
      for (int k = 0; k < this.missing.length; k++) {
        this.missing[k] = missing.get(k).toCharArray();
        longest = Math.max(longest, this.missing[k].length);
      }
      this.maxMissing = longest;
      this.kinds = kinds;
      this.stopAfter = stopAfter;
      this.secondCodes = sc;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      line = startingLineNumber;
    }

    private boolean isMissing(char[] b, int off, int len) {
      if (len > maxMissing && len > 0 && b[off] > ' ' && b[off + len - 1] > ' ') {
        return false; // longer than every token and nothing to trim
      }
      int end = off + len;
      while (off < end && (b[off] == ' ' || b[off] == '\t')) {
        off++;
      }
      while (end > off && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
        end--;
      }
      int n = end - off;
      outer:
      for (char[] t : missing) {
        if (t.length != n) {
          continue;
        }
        for (int k = 0; k < n; k++) {
          if (t[k] != b[off + k]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    protected void handleField(int idx, char[] b, int off, int len, boolean quoted) {
      if (header) {
        headerFields.add(new String(b, off, len));
        return;
      }
      if (idx >= names.length) {
        return;
      }
      if (secondCodes != null) {
        int[] cs = secondCodes[idx];
        if (cs != null && rows < limit[idx]) {
          cs[rows] = !quoted && isMissing(b, off, len) ? -1 : secondDict[idx].code(b, off, len);
        }
        return;
      }
      boolean miss = !quoted && isMissing(b, off, len);
      Chunks.Ints c = cat[idx];
      if (c != null) {
        c.add(miss ? -1 : dict[idx].code(b, off, len));
        return;
      }
      if (miss) {
        num[idx].add(Double.NaN);
        return;
      }
      double v = NumberText.parse(b, off, len);
      if (!Double.isNaN(v)) {
        num[idx].add(v);
        hadNumber[idx] = true;
        return;
      }
      if (kind[idx] == Kind.NUMERIC) {
        throw new SpecificationException(
            "column '"
                + names[idx]
                + "' is declared NUMERIC but row "
                + (rows + 1)
                + " of '"
                + file
                + "' (line "
                + line
                + ") has the value '"
                + new String(b, off, Math.min(len, 60))
                + "'; fix the value, add it to the missing tokens, or declare the column"
                + " CATEGORICAL");
      }
      switchRow[idx] = rows;
      cat[idx] = new Chunks.Ints();
      dict[idx] = new LabelDictionary();
      cat[idx].add(dict[idx].code(b, off, len));
    }

    @Override
    protected Boolean buildRecord() {
      if (getRecordType() != RecordType.DATA) {
        return Boolean.FALSE;
      }
      if (header) {
        header = false;
        setUpColumns();
        return Boolean.TRUE;
      }
      if (getFieldCount() != names.length) {
        throw new SpecificationException(
            "row "
                + (rows + 1)
                + " of '"
                + file
                + "' (line "
                + line
                + ") has "
                + getFieldCount()
                + " fields but the header has "
                + names.length
                + "; give every row one field per column (quote fields that contain the"
                + " delimiter)");
      }
      rows++;
      return Boolean.TRUE;
    }

    private void setUpColumns() {
      int n = headerFields.size();
      names = headerFields.toArray(new String[0]);
      headerFields = null;
      Map<String, Integer> seen = new HashMap<>();
      for (int j = 0; j < n; j++) {
        if (names[j].isBlank()) {
          throw new SpecificationException(
              "column "
                  + (j + 1)
                  + " of the header of '"
                  + file
                  + "' has no name; name every column in the header row");
        }
        Integer prev = seen.put(names[j], j);
        if (prev != null) {
          throw new SpecificationException(
              "column name '"
                  + names[j]
                  + "' appears twice in the header of '"
                  + file
                  + "' (columns "
                  + (prev + 1)
                  + " and "
                  + (j + 1)
                  + "); rename one of them");
        }
      }
      for (String k : kinds.keySet()) {
        if (!seen.containsKey(k)) {
          throw new SpecificationException(
              "a type is set for column '"
                  + k
                  + "' but '"
                  + file
                  + "' has no such column; known columns: "
                  + String.join(", ", names));
        }
      }
      kind = new Kind[n];
      num = new Chunks.Doubles[n];
      cat = new Chunks.Ints[n];
      dict = new LabelDictionary[n];
      switchRow = new int[n];
      hadNumber = new boolean[n];
      for (int j = 0; j < n; j++) {
        kind[j] = kinds.getOrDefault(names[j], Kind.INFER);
        num[j] = new Chunks.Doubles();
        if (kind[j] == Kind.CATEGORICAL) {
          cat[j] = new Chunks.Ints();
          dict[j] = new LabelDictionary();
        }
      }
    }
  }
}
