package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/** Routing rules in order, and each rep's capacity for routed leads. */
@Path("/ops/routing")
@RolesAllowed(Roles.OPERATIONS)
public class OpsRoutingResource {
  @Inject Pages pages;
  @Inject EntityManager em;

  /** A rep with their open leads now and their capacity. */
  public record RepLoad(long id, String name, String team, long open, Integer capacity) {
    /** The name of this rep's capacity field, for its error message. */
    public String field() {
      return "capacity-" + id;
    }
  }

  /** A rule as the list shows it, with the names of its named reps. */
  public record RuleView(RoutingRule rule, String reps) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance routing(
        List<RuleView> rules,
        List<RepLoad> reps,
        List<Campaign> campaigns,
        List<CampaignVariant> variants,
        List<Team> teams,
        Long editing,
        Map<String, String> values,
        Set<Long> chosenReps,
        FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    Map<String, String> values = new HashMap<>();
    values.put("position", Long.toString(RoutingRule.count() + 1));
    values.put("active", "true");
    return page(null, values, Set.of(), FormErrors.none());
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id) {
    RoutingRule r = find(id);
    Map<String, String> values = new HashMap<>();
    values.put("name", r.name);
    values.put("position", Integer.toString(r.position));
    values.put("region", str(r.region));
    values.put("segment", str(r.segment));
    values.put("source", str(r.source));
    values.put("campaign", r.campaign == null ? "" : r.campaign.id.toString());
    values.put("variant", r.variant == null ? "" : r.variant.id.toString());
    values.put("team", r.team == null ? "" : r.team.id.toString());
    values.put("active", Boolean.toString(r.active));
    return page(id, values, new HashSet<>(r.memberIdList()), FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@jakarta.ws.rs.BeanParam RuleFields f) {
    return save(new RoutingRule(), null, f);
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(@PathParam("id") long id, @jakarta.ws.rs.BeanParam RuleFields f) {
    return save(find(id), id, f);
  }

  @POST
  @Path("{id}/delete")
  @Transactional
  public Response delete(@PathParam("id") long id) {
    RoutingRule r = find(id);
    // leads routed by it keep their note; the link to the rule goes
    em.createNativeQuery("update lead set routing_rule_id = null where routing_rule_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    r.delete();
    return Flash.redirect(URI.create("/ops/routing"), "success", "routing_flash_deleted");
  }

  /** Sets each rep's capacity; an empty field means no limit. */
  @POST
  @Path("capacity")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response capacity(@RestForm long member, @RestForm String capacity) {
    Member m = Member.findById(member);
    if (m == null) {
      throw new NotFoundException();
    }
    String c = capacity == null ? "" : capacity.trim();
    if (c.isEmpty()) {
      m.leadCapacity = null;
    } else {
      try {
        int v = Integer.parseInt(c);
        if (v < 0 || v > 100000) {
          throw new NumberFormatException();
        }
        m.leadCapacity = v;
      } catch (NumberFormatException e) {
        Map<String, String> values = new HashMap<>();
        values.put("position", Long.toString(RoutingRule.count() + 1));
        values.put("capacity-" + member, c);
        return pages.withStatus(
            422,
            page(
                null,
                values,
                Set.of(),
                new FormErrors().add("capacity-" + member, "routing_error_capacity")));
      }
    }
    return Flash.redirect(URI.create("/ops/routing#reps"), "success", "routing_flash_capacity");
  }

  private Response save(RoutingRule r, Long id, RuleFields f) {
    Map<String, String> values = f.asMap();
    FormErrors errors = new FormErrors();
    String name = values.get("name").trim();
    if (name.isEmpty()) {
      errors.add("name", "error_required");
    } else if (name.length() > 100) {
      errors.add("name", "error_too_long_100");
    }
    int position = 1;
    try {
      position = Integer.parseInt(values.get("position").trim());
      if (position < 1 || position > 9999) {
        errors.add("position", "settings_error_position");
      }
    } catch (NumberFormatException e) {
      errors.add("position", "settings_error_position");
    }
    String region = limit(values.get("region"), 60, "region", errors);
    String segment = limit(values.get("segment"), 60, "segment", errors);
    String source = limit(values.get("source"), 40, "source", errors);
    Campaign campaign = null;
    if (!values.get("campaign").isBlank()) {
      campaign = Campaign.findById(parse(values.get("campaign")));
      if (campaign == null) {
        errors.add("campaign", "routing_error_campaign");
      }
    }
    CampaignVariant variant = null;
    if (!values.get("variant").isBlank()) {
      variant = CampaignVariant.findById(parse(values.get("variant")));
      if (variant == null || (campaign != null && !variant.campaign.id.equals(campaign.id))) {
        errors.add("variant", "routing_error_variant");
      }
    }
    Team team = null;
    if (!values.get("team").isBlank()) {
      team = Team.findById(parse(values.get("team")));
      if (team == null) {
        errors.add("team", "users_error_team");
      }
    }
    List<Long> repIds = f.reps == null ? List.of() : f.reps;
    List<Member> reps = repIds.isEmpty() ? List.of() : Member.list("id in ?1", repIds);
    if (reps.size() != new HashSet<>(repIds).size()) {
      errors.add("reps", "teams_error_members");
    }
    if (team == null && reps.isEmpty() && !errors.has("team")) {
      errors.add("team", "routing_error_target");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, page(id, values, new HashSet<>(repIds), errors));
    }
    r.name = name;
    r.position = position;
    r.region = region;
    r.segment = segment;
    r.source = source;
    r.campaign = campaign;
    r.variant = variant;
    r.team = team;
    r.memberIds =
        reps.isEmpty()
            ? null
            : reps.stream().map(m -> m.id.toString()).sorted().collect(Collectors.joining(","));
    r.active = "true".equals(values.get("active")) || "on".equals(values.get("active"));
    r.persist();
    return Flash.redirect(URI.create("/ops/routing"), "success", "routing_flash_saved");
  }

  private TemplateInstance page(
      Long editing, Map<String, String> values, Set<Long> chosenReps, FormErrors errors) {
    List<RoutingRule> rules = RoutingRule.listOrdered();
    Map<Long, String> names = new HashMap<>();
    List<RepLoad> reps = reps();
    reps.forEach(r -> names.put(r.id(), r.name()));
    List<RuleView> views = new ArrayList<>();
    for (RoutingRule r : rules) {
      views.add(
          new RuleView(
              r,
              r.memberIdList().stream()
                  .map(i -> names.getOrDefault(i, "#" + i))
                  .collect(Collectors.joining(", "))));
    }
    return Templates.routing(
        views,
        reps,
        Campaign.list("order by name"),
        CampaignVariant.list(
            "from CampaignVariant v join fetch v.campaign order by v.campaign.name, v.name"),
        Team.listAll(Sort.by("name")),
        editing,
        values,
        chosenReps,
        errors);
  }

  /** Every active rep with their open leads, in one grouped query. */
  @SuppressWarnings("unchecked")
  private List<RepLoad> reps() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, m.display_name, t.name, count(l.id), m.lead_capacity from member m"
                    + " left join team t on t.id = m.team_id"
                    + " left join lead l on l.owner_id = m.id"
                    + "   and l.status in ('new', 'assigned', 'working', 'accepted')"
                    + " where m.enabled and m.roles like '%sales%'"
                    + " group by m.id, m.display_name, t.name, m.lead_capacity order by m.display_name")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new RepLoad(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue()))
        .toList();
  }

  private static RoutingRule find(long id) {
    RoutingRule r = RoutingRule.findById(id);
    if (r == null) {
      throw new NotFoundException();
    }
    return r;
  }

  private static String limit(String v, int max, String field, FormErrors errors) {
    String t = v == null ? "" : v.trim();
    if (t.length() > max) {
      errors.add(field, "form_error_too_long");
    }
    return t.isEmpty() ? null : t;
  }

  private static Long parse(String s) {
    try {
      return Long.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }
}
