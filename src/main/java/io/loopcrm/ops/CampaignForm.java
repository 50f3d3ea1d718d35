package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.Channel;
import io.loopcrm.people.Member;
import io.loopcrm.web.Amount;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.FormText;
import io.loopcrm.web.IsoDate;
import io.loopcrm.web.WholeNumber;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign as submitted on the create or edit form: the posted {@link CampaignFields}, what is
 * wrong with them, and the campaign they make.
 */
public final class CampaignForm {
  /** The objectives' codes, in the order of the AARRR funnel ({@link Campaign.Objective}). */
  public static final List<String> OBJECTIVES =
      java.util.Arrays.stream(Campaign.Objective.values())
          .map(o -> o.name().toLowerCase(Locale.ROOT))
          .toList();

  public static final List<String> COMPANY_SIZES = io.loopcrm.lead.Lead.COMPANY_SIZES;

  public final FormErrors errors;
  public final Map<String, String> values;
  private final CampaignFields fields;

  private CampaignForm(CampaignFields fields, Validator validator) {
    this.fields = fields;
    this.values = fields.values();
    this.errors = FormErrors.of(validator.validate(fields));
  }

  /** The form filled with a campaign's current values. */
  public static Map<String, String> valuesOf(Campaign c) {
    Map<String, String> v = new HashMap<>();
    v.put("name", c.name);
    v.put("objective", c.objective.name().toLowerCase(Locale.ROOT));
    v.put("channel", c.channel.code());
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
    v.put("audience", str(c.audienceId));
    return v;
  }

  /** The posted fields, checked by their constraints. */
  public static CampaignForm of(CampaignFields fields, Validator validator) {
    return new CampaignForm(fields, validator);
  }

  /** When all is well, writes the fields into {@code c}; nothing otherwise. */
  public boolean applyTo(Campaign c) {
    Long parentId = errors.has("parent") ? null : CampaignFields.id(fields.parent);
    if (parentId != null && parentId.equals(c.id)) {
      errors.add("parent", "campaign_error_parent");
    }
    if (errors.isPresent()) {
      return false;
    }
    c.name = CampaignFields.trimmed(fields.name);
    c.objective = EnumName.Check.parse(Campaign.Objective.class, fields.objective);
    c.channel = Channel.of(CampaignFields.trimmed(fields.channel));
    c.startsOn = IsoDate.Check.parse(fields.startsOn);
    c.endsOn = IsoDate.Check.parse(fields.endsOn);
    c.budget = Amount.Check.parse(fields.budget);
    c.currency = CampaignFields.trimmed(fields.currency);
    c.targetRegion = FormText.clean(fields.targetRegion);
    c.targetIndustry = FormText.clean(fields.targetIndustry);
    c.targetCompanySize = FormText.clean(fields.targetCompanySize);
    c.goalLeads = WholeNumber.Check.parse(fields.goalLeads);
    c.goalActivated = WholeNumber.Check.parse(fields.goalActivated);
    c.goalRetained = WholeNumber.Check.parse(fields.goalRetained);
    c.goalRevenue = Amount.Check.parse(fields.goalRevenue);
    c.goalReferrals = WholeNumber.Check.parse(fields.goalReferrals);
    Long ownerId = CampaignFields.id(fields.owner);
    c.owner = ownerId == null ? null : Member.findById(ownerId);
    c.parent = parentId == null ? null : Campaign.findById(parentId);
    c.audienceId = errors.has("audience") ? null : CampaignFields.id(fields.audience);
    return true;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
