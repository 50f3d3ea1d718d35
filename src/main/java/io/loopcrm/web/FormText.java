package io.loopcrm.web;

/** What a posted form field holds, read the same way by every form object. */
public final class FormText {
  private FormText() {}

  /** The field as typed, or empty when it was not sent (to show the form again). */
  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Whether the field was left empty or holds only spaces. */
  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The field trimmed, or null when blank: what a record keeps. */
  public static String clean(String s) {
    return blank(s) ? null : s.trim();
  }

  /** The field as a whole number, or null when it is not one. */
  public static Integer integer(String s) {
    try {
      return Integer.valueOf(orEmpty(s).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
