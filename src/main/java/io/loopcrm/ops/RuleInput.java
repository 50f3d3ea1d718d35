package io.loopcrm.ops;

import static io.loopcrm.web.FormText.blank;
import static io.loopcrm.web.FormText.clean;
import static io.loopcrm.web.FormText.integer;
import static io.loopcrm.web.FormText.orEmpty;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A routing rule as posted: its name and position, the conditions a lead must meet (blank: any),
 * and where it sends the lead, a team, named reps, or both. {@link #errors} resolves the campaign,
 * variant, team and reps it names; {@link #applyTo} writes them.
 */
public class RuleInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String name;

  /** 1–9999: room to keep gaps between rules (10, 20, 30 …). */
  @RestForm
  @NotBlank(message = "routing_error_position")
  @Pattern(regexp = "\\s*0*[1-9][0-9]{0,3}\\s*", message = "routing_error_position")
  public String position;

  @RestForm
  @Size(max = 60, message = "form_error_too_long")
  public String region;

  @RestForm
  @Size(max = 60, message = "form_error_too_long")
  public String segment;

  @RestForm
  @Size(max = 40, message = "form_error_too_long")
  public String source;

  @RestForm public String campaign;
  @RestForm public String variant;
  @RestForm public String team;
  @RestForm public List<Long> reps;
  @RestForm public String active;

  private Campaign chosenCampaign;
  private CampaignVariant chosenVariant;
  private Team chosenTeam;
  private List<Member> chosenReps = List.of();

  /** The form filled with what a rule holds now. */
  static RuleInput of(RoutingRule r) {
    RuleInput in = new RuleInput();
    in.name = r.name;
    in.position = Integer.toString(r.position);
    in.region = r.region;
    in.segment = r.segment;
    in.source = r.source;
    in.campaign = r.campaign == null ? null : r.campaign.id.toString();
    in.variant = r.variant == null ? null : r.variant.id.toString();
    in.team = r.team == null ? null : r.team.id.toString();
    in.reps = r.memberIdList();
    in.active = Boolean.toString(r.active);
    return in;
  }

  /** What is wrong with the rule; nothing means {@link #applyTo} may run. */
  FormErrors errors(Validator validator) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    if (!blank(campaign)) {
      chosenCampaign = Campaign.findById(id(campaign));
      if (chosenCampaign == null) {
        errors.add("campaign", "routing_error_campaign");
      }
    }
    if (!blank(variant)) {
      chosenVariant = CampaignVariant.findById(id(variant));
      if (chosenVariant == null
          || (chosenCampaign != null && !chosenVariant.campaign.id.equals(chosenCampaign.id))) {
        errors.add("variant", "routing_error_variant");
      }
    }
    if (!blank(team)) {
      chosenTeam = Team.findById(id(team));
      if (chosenTeam == null) {
        errors.add("team", "users_error_team");
      }
    }
    List<Long> ids = repIds();
    chosenReps = ids.isEmpty() ? List.of() : Member.list("id in ?1", ids);
    if (chosenReps.size() != new HashSet<>(ids).size()) {
      errors.add("reps", "teams_error_members");
    }
    if (chosenTeam == null && chosenReps.isEmpty() && !errors.has("team")) {
      errors.add("team", "routing_error_target");
    }
    return errors;
  }

  /** Writes the rule; call after {@link #errors} found nothing. */
  void applyTo(RoutingRule r) {
    r.name = name.trim();
    r.position = integer(position);
    r.region = clean(region);
    r.segment = clean(segment);
    r.source = clean(source);
    r.campaign = chosenCampaign;
    r.variant = chosenVariant;
    r.team = chosenTeam;
    r.memberIds =
        chosenReps.isEmpty()
            ? null
            : chosenReps.stream()
                .map(m -> m.id.toString())
                .sorted()
                .collect(Collectors.joining(","));
    r.active = "true".equals(active) || "on".equals(active);
  }

  /** The reps ticked on the form. */
  Set<Long> chosenRepIds() {
    return new HashSet<>(repIds());
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("name", orEmpty(name));
    m.put("position", orEmpty(position));
    m.put("region", orEmpty(region));
    m.put("segment", orEmpty(segment));
    m.put("source", orEmpty(source));
    m.put("campaign", orEmpty(campaign));
    m.put("variant", orEmpty(variant));
    m.put("team", orEmpty(team));
    m.put("active", active == null ? "false" : active);
    return m;
  }

  private List<Long> repIds() {
    return reps == null ? List.of() : reps;
  }

  /** The id a field names; one that is not a number names nothing (-1). */
  private static long id(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }
}
