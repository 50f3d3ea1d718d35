package io.loopcrm.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields a campaign's hosted form shows and which it requires. Last name and an e-mail (or a
 * phone) are always asked; the others are each hidden, optional or required. Stored in one column
 * as {@code field=mode;...}; a campaign that never chose has the form as it always was: every field
 * optional, segment hidden.
 */
public record FormFields(Map<String, Mode> modes) {
  /** The fields operations choose for, in the form's order. */
  public static final List<String> FIELDS =
      List.of("firstName", "phone", "company", "title", "region", "companySize", "segment");

  public enum Mode {
    HIDDEN,
    OPTIONAL,
    REQUIRED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The settings table's column title (ops bundle). */
    public String labelKey() {
      return "form_fields_" + (this == HIDDEN ? "hidden" : code());
    }

    static Mode of(String code) {
      for (Mode m : values()) {
        if (m.code().equals(code)) {
          return m;
        }
      }
      return null;
    }
  }

  public static final FormFields DEFAULT = parse(null);

  /** One field as the settings table shows it: its name, label (ops bundle) and mode. */
  public record Row(String field, String labelKey, Mode mode) {
    public List<Mode> modes() {
      return List.of(Mode.values());
    }
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "firstName", "form_first_name",
          "phone", "form_phone",
          "company", "form_company",
          "title", "form_title",
          "region", "form_region",
          "companySize", "form_company_size",
          "segment", "routing_field_segment");

  public List<Row> rows() {
    return FIELDS.stream().map(f -> new Row(f, LABELS.get(f), mode(f))).toList();
  }

  /** The fields as a form sent them (field → mode code), or null when one is not a mode. */
  public static FormFields of(Map<String, String> sent) {
    Map<String, Mode> modes = new LinkedHashMap<>();
    for (String f : FIELDS) {
      Mode m = Mode.of(sent.get(f));
      if (m == null) {
        return null;
      }
      modes.put(f, m);
    }
    return new FormFields(Map.copyOf(modes));
  }

  /** The column's value read back; anything unknown falls back to the default of its field. */
  public static FormFields parse(String stored) {
    Map<String, Mode> modes = new LinkedHashMap<>();
    for (String f : FIELDS) {
      modes.put(f, f.equals("segment") ? Mode.HIDDEN : Mode.OPTIONAL);
    }
    if (stored != null) {
      for (String pair : stored.split(";")) {
        String[] kv = pair.split("=", 2);
        Mode m = kv.length == 2 ? Mode.of(kv[1]) : null;
        if (m != null && modes.containsKey(kv[0])) {
          modes.put(kv[0], m);
        }
      }
    }
    return new FormFields(Map.copyOf(modes));
  }

  /** The column's value; every field written, so a later default change leaves this as chosen. */
  public String stored() {
    StringBuilder s = new StringBuilder();
    for (String f : FIELDS) {
      s.append(s.isEmpty() ? "" : ";").append(f).append('=').append(mode(f).code());
    }
    return s.toString();
  }

  public Mode mode(String field) {
    return modes.getOrDefault(field, Mode.OPTIONAL);
  }

  public boolean shows(String field) {
    return mode(field) != Mode.HIDDEN;
  }

  public boolean requires(String field) {
    return mode(field) == Mode.REQUIRED;
  }
}
