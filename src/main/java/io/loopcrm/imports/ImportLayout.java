package io.loopcrm.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a column of an imported file can become, and the layouts of the lead exports of common CRMs
 * (Salesforce lead report, HubSpot contacts, Odoo CRM list), recognised by their headers. Anything
 * else is read as the generic layout, by common column names; the user can change every mapping.
 */
public final class ImportLayout {
  /** The lead fields a column can fill; "" leaves the column out. */
  public static final List<String> TARGETS =
      List.of(
          "",
          "firstName",
          "lastName",
          "fullName",
          "email",
          "phone",
          "company",
          "title",
          "region",
          "industry",
          "companySize",
          "segment",
          "source",
          "medium",
          "campaign",
          "createdDate",
          "owner",
          "status",
          "description",
          "city",
          "country");

  static final Map<String, Map<String, String>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put(
        "salesforce",
        map(
            "first name",
            "firstName",
            "last name",
            "lastName",
            "title",
            "title",
            "company",
            "company",
            "email",
            "email",
            "phone",
            "phone",
            "lead source",
            "source",
            "industry",
            "industry",
            "city",
            "city",
            "country",
            "country",
            "no. of employees",
            "companySize",
            "lead status",
            "status",
            "lead owner",
            "owner",
            "created date",
            "createdDate",
            "description",
            "description",
            "campaign",
            "campaign"));
    PRESETS.put(
        "hubspot",
        map(
            "first name",
            "firstName",
            "last name",
            "lastName",
            "email",
            "email",
            "phone number",
            "phone",
            "phone",
            "phone",
            "company name",
            "company",
            "company",
            "company",
            "job title",
            "title",
            "original source",
            "source",
            "city",
            "city",
            "country/region",
            "country",
            "industry",
            "industry",
            "number of employees",
            "companySize",
            "lead status",
            "status",
            "contact owner",
            "owner",
            "create date",
            "createdDate"));
    PRESETS.put(
        "odoo",
        map(
            "contact name",
            "fullName",
            "email",
            "email",
            "phone",
            "phone",
            "company name",
            "company",
            "job position",
            "title",
            "source",
            "source",
            "medium",
            "medium",
            "campaign",
            "campaign",
            "city",
            "city",
            "country",
            "country",
            "salesperson",
            "owner",
            "stage",
            "status",
            "created on",
            "createdDate"));
  }

  /** Signature columns: a file has the layout when it has all of them. */
  private static final Map<String, List<String>> SIGNATURES =
      Map.of(
          "salesforce", List.of("first name", "last name", "lead source", "lead status"),
          // HubSpot's own column: its exports have it with or without the record id
          "hubspot", List.of("first name", "last name", "lifecycle stage"),
          "odoo", List.of("external id", "opportunity", "contact name", "salesperson"));

  private static final Map<String, String> GENERIC = ImportColumnNames.GENERIC;

  /**
   * Columns of a layout that fill a target only when no column of the preset does: HubSpot's
   * lifecycle stage gives the status when the file has no lead status.
   */
  private static final Map<String, Map<String, String>> FALLBACKS =
      Map.of("hubspot", Map.of("lifecycle stage", "status"));

  private ImportLayout() {}

  /** The layout whose signature columns the header has, else "generic". */
  public static String detect(List<String> header) {
    List<String> keys = header.stream().map(ImportLayout::key).toList();
    for (Map.Entry<String, List<String>> s : SIGNATURES.entrySet()) {
      if (keys.containsAll(s.getValue())) {
        return s.getKey();
      }
    }
    return "generic";
  }

  /** The target of each column under {@code layout}, in column order. */
  public static List<String> mapping(String layout, List<String> header) {
    Map<String, String> preset = PRESETS.getOrDefault(layout, GENERIC);
    List<String> targets = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (String column : header) {
      String target = preset.getOrDefault(key(column), "");
      if (target.isEmpty() && preset != GENERIC) {
        target = "";
      }
      // one column per target: the first wins
      if (!target.isEmpty() && taken.contains(target)) {
        target = "";
      }
      if (!target.isEmpty()) {
        taken.add(target);
      }
      targets.add(target);
    }
    Map<String, String> fallbacks = FALLBACKS.getOrDefault(layout, Map.of());
    for (int i = 0; i < header.size(); i++) {
      String target = fallbacks.get(key(header.get(i)));
      if (target != null && targets.get(i).isEmpty() && !taken.contains(target)) {
        targets.set(i, target);
        taken.add(target);
      }
    }
    return targets;
  }

  /** A header cell compared loosely: trimmed, lower case, no byte order mark. */
  static String key(String column) {
    if (column == null) {
      return "";
    }
    String c = column.replace("\uFEFF", "").trim();
    c = Normalizer.normalize(c, Normalizer.Form.NFKC);
    return c.toLowerCase(Locale.ROOT);
  }

  /** Message key of a target's name. */
  public static String labelKey(String target) {
    return target.isEmpty() ? "import_target_ignore" : "import_target_" + target;
  }

  static Map<String, String> map(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
