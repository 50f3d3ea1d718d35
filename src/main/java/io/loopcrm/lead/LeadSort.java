package io.loopcrm.lead;

/** The orders the lead list offers; each is backed by an index that ends in the id. */
public enum LeadSort {
  CREATED_DESC("l.created_at", false, "timestamp"),
  CREATED_ASC("l.created_at", true, "timestamp"),
  NAME_ASC("lower(l.last_name)", true, "text"),
  NAME_DESC("lower(l.last_name)", false, "text"),
  COMPANY_ASC("lower(coalesce(l.company, ''))", true, "text"),
  SCORE_DESC("l.score", false, "int");

  final String expression;
  final boolean ascending;
  final String type;

  LeadSort(String expression, boolean ascending, String type) {
    this.expression = expression;
    this.ascending = ascending;
    this.type = type;
  }

  public String param() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String labelKey() {
    return "lead_sort_" + param();
  }

  public static LeadSort fromParam(String param) {
    if (param != null) {
      for (LeadSort s : values()) {
        if (s.param().equals(param)) {
          return s;
        }
      }
    }
    return CREATED_DESC;
  }
}
