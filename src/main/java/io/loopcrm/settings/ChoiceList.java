package io.loopcrm.settings;

import java.util.Locale;

/** The editable lists and how their values look. */
public enum ChoiceList {
  REJECT_REASON("reject_reason_"),
  LOST_REASON("lost_reason_"),
  COMPETITOR(null),
  CURRENCY(null);

  private final String keyPrefix;

  ChoiceList(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** The value of the {@code list} column and of the URL segment. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Message key of a built-in value's translation, or null for lists shown as typed. */
  String keyOf(String code) {
    return keyPrefix == null ? null : keyPrefix + code;
  }

  public static ChoiceList fromCode(String code) {
    for (ChoiceList l : values()) {
      if (l.code().equals(code)) {
        return l;
      }
    }
    return null;
  }
}
