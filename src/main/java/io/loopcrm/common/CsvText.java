package io.loopcrm.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every CSV file of the system needs: reading UTF-8 and UTF-16 files, writing cells safely.
 */
public final class CsvText {
  /**
   * What starts a formula, in ASCII, in the full-width forms (＝＋－＠) and the small forms (﹦﹢﹣﹫)
   * spreadsheets accept.
   */
  private static final String FORMULA_STARTS =
      "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

  private CsvText() {}

  /**
   * A reader of the file in its encoding ({@link #charsetOf}) without its byte order mark; a file
   * in no encoding we read fails with a {@link java.nio.charset.CharacterCodingException} where its
   * first wrong byte is, so check {@link #charsetOf} when the file arrives.
   */
  public static Reader reader(Path file) throws IOException {
    Charset charset = charsetOf(file).orElse(StandardCharsets.UTF_8);
    PushbackReader reader =
        new PushbackReader(new BufferedReader(Files.newBufferedReader(file, charset)));
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /**
   * The encoding of a CSV file: UTF-16 when it starts with that byte order mark (a spreadsheet's
   * "Unicode text"), UTF-8 when every byte of it is UTF-8 (with or without its mark); otherwise
   * none (Latin-1, GBK and other legacy encodings, which the file's bytes cannot tell apart
   * reliably). The whole file is read once, without keeping it.
   */
  public static java.util.Optional<Charset> charsetOf(Path file) throws IOException {
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 65_536)) {
      in.mark(2);
      int a = in.read();
      int b = in.read();
      if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
        return java.util.Optional.of(StandardCharsets.UTF_16);
      }
      in.reset();
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
      try (Reader r = new java.io.InputStreamReader(in, decoder)) {
        char[] buffer = new char[65_536];
        while (r.read(buffer) != -1) {
          // reading is the check
        }
      } catch (java.nio.charset.CharacterCodingException e) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(StandardCharsets.UTF_8);
    }
  }

  /** Neutralises spreadsheet formulas (CSV injection); null becomes empty. */
  public static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    // the first character a spreadsheet reads, past leading spaces of any kind (no-break ones
    // too) and invisible format characters (a zero-width space, a byte order mark)
    int i = 0;
    while (i < value.length() && invisible(value.charAt(i))) {
      i++;
    }
    char first = i < value.length() ? value.charAt(i) : value.charAt(0);
    if (FORMULA_STARTS.indexOf(first) >= 0 || value.charAt(0) == '\t' || value.charAt(0) == '\r') {
      return "'" + value;
    }
    return value;
  }

  private static boolean invisible(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT;
  }
}
