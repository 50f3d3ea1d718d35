package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.people.Member;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A campaign as submitted on the create or edit form, checked field by field. */
public final class CampaignForm {
  public static final List<String> OBJECTIVES =
      List.of("acquisition", "activation", "retention", "revenue", "referral");
  public static final List<String> COMPANY_SIZES = io.loopcrm.lead.Lead.COMPANY_SIZES;

  public final FormErrors errors = new FormErrors();
  public final Map<String, String> values = new HashMap<>();
  private final Map<String, String> raw;

  private CampaignForm(Map<String, String> raw) {
    this.raw = raw;
    raw.forEach((k, v) -> values.put(k, v == null ? "" : v));
  }

  /** The form filled with a campaign's current values. */
  public static Map<String, String> valuesOf(Campaign c) {
    Map<String, String> v = new HashMap<>();
    v.put("name", c.name);
    v.put("objective", c.objective.name().toLowerCase(Locale.ROOT));
    v.put("channel", c.channel);
    v.put("startsOn", str(c.startsOn));
    v.put("endsOn", str(c.endsOn));
    v.put("budget", c.budget == null ? "" : c.budget.toPlainString());
    v.put("currency", c.currency);
    v.put("targetRegion", str(c.targetRegion));
    v.put("targetIndustry", str(c.targetIndustry));
    v.put("targetCompanySize", str(c.targetCompanySize));
    v.put("goalLeads", str(c.goalLeads));
    v.put("goalActivated", str(c.goalActivated));
    v.put("goalRetained", str(c.goalRetained));
    v.put("goalRevenue", c.goalRevenue == null ? "" : c.goalRevenue.toPlainString());
    v.put("goalReferrals", str(c.goalReferrals));
    v.put("owner", c.owner == null ? "" : c.owner.id.toString());
    v.put("parent", c.parent == null ? "" : c.parent.id.toString());
    return v;
  }

  public static CampaignForm of(Map<String, String> raw) {
    return new CampaignForm(raw);
  }

  /** Checks everything and, when all is well, writes it into {@code c}; nothing otherwise. */
  public boolean applyTo(Campaign c) {
    String name = text("name", 200, true);
    Campaign.Objective objective = null;
    try {
      objective = Campaign.Objective.valueOf(get("objective").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add("objective", "campaign_error_objective");
    }
    String channel = get("channel");
    if (!Campaign.CHANNELS.contains(channel)) {
      errors.add("channel", "campaign_error_channel");
    }
    LocalDate starts = date("startsOn");
    LocalDate ends = date("endsOn");
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.add("endsOn", "campaign_error_end_before_start");
    }
    BigDecimal budget = money("budget");
    String currency = get("currency");
    Choices choices = Arc.container().instance(Choices.class).get();
    if (choices.all(ChoiceList.CURRENCY).stream().noneMatch(o -> o.code().equals(currency))) {
      errors.add("currency", "error_currency");
    }
    String region = text("targetRegion", 60, false);
    String industry = text("targetIndustry", 80, false);
    String size = get("targetCompanySize");
    if (!size.isEmpty() && !COMPANY_SIZES.contains(size)) {
      errors.add("targetCompanySize", "form_error_company_size");
    }
    Integer goalLeads = count("goalLeads");
    Integer goalActivated = count("goalActivated");
    Integer goalRetained = count("goalRetained");
    BigDecimal goalRevenue = money("goalRevenue");
    Integer goalReferrals = count("goalReferrals");
    Member owner = null;
    if (!get("owner").isEmpty()) {
      owner = parseId("owner") == null ? null : Member.findById(parseId("owner"));
      if (owner == null) {
        errors.add("owner", "campaign_error_owner");
      }
    }
    Campaign parent = null;
    if (!get("parent").isEmpty()) {
      Long pid = parseId("parent");
      parent = pid == null ? null : Campaign.findById(pid);
      if (parent == null || (c.id != null && parent.id.equals(c.id))) {
        errors.add("parent", "campaign_error_parent");
        parent = null;
      }
    }
    if (errors.isPresent()) {
      return false;
    }
    c.name = name;
    c.objective = objective;
    c.channel = channel;
    c.startsOn = starts;
    c.endsOn = ends;
    c.budget = budget;
    c.currency = currency;
    c.targetRegion = region;
    c.targetIndustry = industry;
    c.targetCompanySize = size.isEmpty() ? null : size;
    c.goalLeads = goalLeads;
    c.goalActivated = goalActivated;
    c.goalRetained = goalRetained;
    c.goalRevenue = goalRevenue;
    c.goalReferrals = goalReferrals;
    c.owner = owner;
    c.parent = parent;
    return true;
  }

  private String get(String name) {
    String v = raw.get(name);
    return v == null ? "" : v.trim();
  }

  private String text(String name, int max, boolean required) {
    String v = get(name);
    if (v.isEmpty()) {
      if (required) {
        errors.add(name, "error_required");
      }
      return null;
    }
    if (v.length() > max) {
      errors.add(name, max == 200 ? "error_too_long_200" : "form_error_too_long");
      return null;
    }
    return v;
  }

  private LocalDate date(String name) {
    String v = get(name);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(name, "error_date");
      return null;
    }
  }

  private BigDecimal money(String name) {
    String v = get(name).replace(",", "");
    if (v.isEmpty()) {
      return null;
    }
    try {
      BigDecimal b = new BigDecimal(v);
      if (b.signum() >= 0 && b.scale() <= 2 && b.precision() - b.scale() <= 12) {
        return b;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(name, "error_amount");
    return null;
  }

  private Integer count(String name) {
    String v = get(name);
    if (v.isEmpty()) {
      return null;
    }
    try {
      int i = Integer.parseInt(v);
      if (i >= 0) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(name, "campaign_error_count");
    return null;
  }

  private Long parseId(String name) {
    try {
      return Long.valueOf(get(name));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
