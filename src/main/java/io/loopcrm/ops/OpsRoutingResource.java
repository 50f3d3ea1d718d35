package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.routing.RepLoad;
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
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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
  @Inject Validator validator;

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
    RuleInput in = RuleInput.of(find(id));
    return page(id, in.values(), in.chosenRepIds(), FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@BeanParam RuleInput f) {
    return save(new RoutingRule(), null, f);
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(@PathParam("id") long id, @BeanParam RuleInput f) {
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

  private Response save(RoutingRule r, Long id, RuleInput input) {
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(id, input.values(), input.chosenRepIds(), errors));
    }
    input.applyTo(r);
    r.persist();
    return Flash.redirect(URI.create("/ops/routing"), "success", "routing_flash_saved");
  }

  private TemplateInstance page(
      Long editing, Map<String, String> values, Set<Long> chosenReps, FormErrors errors) {
    List<RoutingRule> rules = RoutingRule.listOrdered();
    Map<Long, String> names = new HashMap<>();
    List<RepLoad> reps = RepLoad.all();
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

  private static RoutingRule find(long id) {
    RoutingRule r = RoutingRule.findById(id);
    if (r == null) {
      throw new NotFoundException();
    }
    return r;
  }
}
