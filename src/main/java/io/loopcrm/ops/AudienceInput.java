package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.Channel;
import io.loopcrm.common.Params;
import io.loopcrm.lead.Audience;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.FormText;
import io.loopcrm.web.IsoDate;
import io.loopcrm.web.WholeNumber;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The audience form as posted (and as the live count reads it from the query): a name and the
 * criteria, each optional; lengths follow the columns.
 */
public class AudienceInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = Audience.NAME_MAX, message = "error_too_long_100")
  public String name;

  @RestForm public List<String> statuses = new ArrayList<>();

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String segment;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String region;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String industry;

  @RestForm @WholeNumber public String minScore;
  @RestForm @WholeNumber public String maxScore;
  @RestForm public String campaign;
  @RestForm public String channel;
  @RestForm public String customersOf;
  @RestForm @WholeNumber public String noPurchaseDays;
  @RestForm @IsoDate public String createdFrom;
  @RestForm @IsoDate public String createdTo;
  @RestForm public String version;

  /** The form filled with an audience's criteria. */
  public static AudienceInput of(Audience a) {
    AudienceInput in = new AudienceInput();
    in.name = a.name;
    in.statuses = new ArrayList<>(a.statusList().stream().map(LeadStatus::param).toList());
    in.segment = a.segment;
    in.region = a.region;
    in.industry = a.industry;
    in.minScore = str(a.minScore);
    in.maxScore = str(a.maxScore);
    in.campaign = a.firstTouchCampaign == null ? null : a.firstTouchCampaign.id.toString();
    in.channel = a.channel;
    in.customersOf = a.customersOfCampaign == null ? null : a.customersOfCampaign.id.toString();
    in.noPurchaseDays = str(a.noPurchaseDays);
    in.createdFrom = str(a.createdFrom);
    in.createdTo = str(a.createdTo);
    in.version = Long.toString(a.version);
    return in;
  }

  /** The criteria as the live count sends them in the query (the name is not needed there). */
  public static AudienceInput ofQuery(jakarta.ws.rs.core.MultivaluedMap<String, String> q) {
    // read from the raw query: cleaned here as the parameter converter cleans injected ones
    java.util.function.Function<String, String> one =
        name -> io.loopcrm.web.PlainText.clean(q.getFirst(name));
    AudienceInput in = new AudienceInput();
    in.name = "count";
    in.statuses =
        new ArrayList<>(
            q.getOrDefault("statuses", List.of()).stream()
                .map(io.loopcrm.web.PlainText::clean)
                .toList());
    in.segment = one.apply("segment");
    in.region = one.apply("region");
    in.industry = one.apply("industry");
    in.minScore = one.apply("minScore");
    in.maxScore = one.apply("maxScore");
    in.campaign = one.apply("campaign");
    in.channel = one.apply("channel");
    in.customersOf = one.apply("customersOf");
    in.noPurchaseDays = one.apply("noPurchaseDays");
    in.createdFrom = one.apply("createdFrom");
    in.createdTo = one.apply("createdTo");
    return in;
  }

  /** What is wrong with the fields; nothing means {@link #applyTo} may run. */
  public FormErrors errors(Validator validator, Long except) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    for (String s : statuses) {
      if (s != null && !s.isBlank() && parseStatus(s) == null) {
        errors.add("statuses", "aud_error_status");
      }
    }
    Long min = Params.parseLong(minScore);
    Long max = Params.parseLong(maxScore);
    if (min != null && max != null && min > max) {
      errors.add("maxScore", "aud_error_score_range");
    }
    if (FormText.clean(channel) != null && !Channel.isCode(channel.trim())) {
      errors.add("channel", "aud_error_channel");
    }
    checkCampaign(errors, "campaign", campaign);
    checkCampaign(errors, "customersOf", customersOf);
    if (!errors.has("name") && Audience.isNameTaken(name, except)) {
      errors.add("name", "aud_error_name_taken");
    }
    return errors;
  }

  private static void checkCampaign(FormErrors errors, String field, String value) {
    if (FormText.clean(value) != null) {
      Long id = Params.parseLong(value);
      if (id == null || Campaign.findById(id) == null) {
        errors.add(field, "aud_error_campaign");
      }
    }
  }

  /** Writes the criteria into {@code a}; call after {@link #errors} found nothing. */
  public void applyTo(Audience a) {
    a.name = name.trim();
    List<String> chosen =
        statuses.stream()
            .filter(s -> s != null && !s.isBlank())
            .map(AudienceInput::parseStatus)
            .distinct()
            .map(LeadStatus::param)
            .toList();
    a.statuses = chosen.isEmpty() ? null : String.join(",", chosen);
    a.segment = FormText.clean(segment);
    a.region = FormText.clean(region);
    a.industry = FormText.clean(industry);
    a.minScore = integer(minScore);
    a.maxScore = integer(maxScore);
    Long first = Params.parseLong(campaign);
    a.firstTouchCampaign = first == null ? null : Campaign.findById(first);
    a.channel = FormText.clean(channel);
    Long customers = Params.parseLong(customersOf);
    a.customersOfCampaign = customers == null ? null : Campaign.findById(customers);
    a.noPurchaseDays = integer(noPurchaseDays);
    a.createdFrom = IsoDate.Check.parse(createdFrom);
    a.createdTo = IsoDate.Check.parse(createdTo);
  }

  /** What the user typed, to show the form again. */
  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("name", nz(name));
    v.put("segment", nz(segment));
    v.put("region", nz(region));
    v.put("industry", nz(industry));
    v.put("minScore", nz(minScore));
    v.put("maxScore", nz(maxScore));
    v.put("campaign", nz(campaign));
    v.put("channel", nz(channel));
    v.put("customersOf", nz(customersOf));
    v.put("noPurchaseDays", nz(noPurchaseDays));
    v.put("createdFrom", nz(createdFrom));
    v.put("createdTo", nz(createdTo));
    v.put("version", nz(version));
    return v;
  }

  private static LeadStatus parseStatus(String s) {
    try {
      return LeadStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer integer(String s) {
    Long n = Params.parseLong(s);
    return n == null || n > Integer.MAX_VALUE ? null : n.intValue();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
