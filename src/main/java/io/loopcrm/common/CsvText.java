package io.loopcrm.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every CSV file of the system needs: reading UTF-8 files, writing cells safely. */
public final class CsvText {
  /** What starts a formula, in ASCII and in the full-width forms (＝＋－＠) spreadsheets accept. */
  private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

  private CsvText() {}

  /** A UTF-8 reader that drops a byte order mark. */
  public static Reader reader(Path file) throws IOException {
    PushbackReader reader =
        new PushbackReader(
            new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /** Neutralises spreadsheet formulas (CSV injection); null becomes empty. */
  public static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    // the first character a spreadsheet reads, past leading spaces
    String start = value.stripLeading();
    char first = start.isEmpty() ? value.charAt(0) : start.charAt(0);
    if (FORMULA_STARTS.indexOf(first) >= 0 || value.charAt(0) == '\t' || value.charAt(0) == '\r') {
      return "'" + value;
    }
    return value;
  }
}
