package io.loopcrm.admin;

import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.Choice;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Pipeline stages and the editable lists (reject reasons, lost reasons, competitors, currencies). A
 * value that records use is archived, never deleted, so those records keep showing it; an unused
 * one is deleted. Every change is audited (the entities are {@code Audited}).
 */
@Path("/admin/settings")
@RolesAllowed(Roles.ADMIN)
public class AdminSettingsResource {
  @Inject PipelineStages stages;
  @Inject Choices choices;
  @Inject Pages pages;
  @Inject EntityManager em;

  /** One editable list on the page. */
  public record ListView(
      String code, String titleKey, String helpKey, List<Choices.Option> values) {}

  /** Which form the errors belong to: "stage-new", "stage-12", "list-currency", ... */
  public record Problem(String form, FormErrors errors, Map<String, String> values) {
    public boolean at(String name) {
      return form.equals(name);
    }

    public boolean atStage(long id) {
      return form.equals("stage-" + id);
    }

    public boolean atValue(long id) {
      return form.equals("value-" + id);
    }

    public boolean atList(String code) {
      return form.equals("list-" + code);
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance settings(
        List<PipelineStage> stages, List<ListView> lists, Problem problem, int retentionDays);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    return page(new Problem("", FormErrors.none(), Map.of()));
  }

  // --- pipeline stages -----------------------------------------------------------------------

  @POST
  @Path("stages")
  @Produces(MediaType.TEXT_HTML)
  public Response addStage(
      @RestForm String label, @RestForm String probability, @RestForm String kind) {
    Map<String, String> values = values("label", label, "probability", probability, "kind", kind);
    FormErrors errors = new FormErrors();
    String name = trim(label);
    if (name.isEmpty()) {
      errors.add("label", "error_required");
    } else if (name.length() > 100) {
      errors.add("label", "error_too_long_100");
    }
    Integer p = probability(probability, errors);
    PipelineStage.Kind k = kind(kind, errors);
    if (errors.isPresent()) {
      return invalid("stage-new", errors, values);
    }
    return inTransaction(
        () -> {
          PipelineStage s = new PipelineStage();
          s.name = "custom";
          s.label = name;
          s.probability = p;
          s.kind = k;
          Integer last =
              em.createQuery("select max(s.position) from PipelineStage s", Integer.class)
                  .getSingleResult();
          s.position = last == null ? 1 : last + 1;
          s.persist();
          s.name = "custom_" + s.id;
          String rule = stageRules();
          if (rule != null) {
            throw new Refused("stage-new", new FormErrors().add("kind", rule), values);
          }
          return done("settings_flash_stage_added");
        });
  }

  @POST
  @Path("stages/{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response updateStage(
      @PathParam("id") long id,
      @RestForm String label,
      @RestForm String position,
      @RestForm String probability,
      @RestForm String kind) {
    Map<String, String> values =
        values("label", label, "position", position, "probability", probability, "kind", kind);
    FormErrors errors = new FormErrors();
    String name = trim(label);
    if (name.length() > 100) {
      errors.add("label", "error_too_long_100");
    }
    Integer pos = null;
    try {
      pos = Integer.valueOf(trim(position));
      if (pos < 1 || pos > 999) {
        errors.add("position", "settings_error_position");
      }
    } catch (NumberFormatException e) {
      errors.add("position", "settings_error_position");
    }
    Integer p = probability(probability, errors);
    PipelineStage.Kind k = kind(kind, errors);
    String form = "stage-" + id;
    if (errors.isPresent()) {
      stage(id);
      return invalid(form, errors, values);
    }
    int newPosition = pos;
    return inTransaction(
        () -> {
          PipelineStage s = stage(id);
          if (name.isEmpty() && s.name.startsWith("custom_")) {
            throw new Refused(form, new FormErrors().add("label", "error_required"), values);
          }
          s.label = name.isEmpty() ? null : name;
          s.position = newPosition;
          s.probability = p;
          s.kind = k;
          s.flush();
          String rule = stageRules();
          if (rule != null) {
            throw new Refused(form, new FormErrors().add("kind", rule), values);
          }
          return done("settings_flash_saved");
        });
  }

  /** Deletes an unused stage, archives a used one; refuses while open deals sit in it. */
  @POST
  @Path("stages/{id}/remove")
  @Produces(MediaType.TEXT_HTML)
  public Response removeStage(@PathParam("id") long id) {
    String form = "stage-" + id;
    return inTransaction(
        () -> {
          PipelineStage s = stage(id);
          long open =
              (Long)
                  em.createNativeQuery(
                          "select count(*) from deal where stage_id = ?1 and status = 'open'",
                          Long.class)
                      .setParameter(1, id)
                      .getSingleResult();
          if (open > 0) {
            throw new Refused(
                form, new FormErrors().add("remove", "settings_error_stage_has_deals"), Map.of());
          }
          long used =
              (Long)
                  em.createNativeQuery(
                          "select (select count(*) from deal where stage_id = ?1)"
                              + " + (select count(*) from stage_change where from_stage_id = ?1 or to_stage_id = ?1)",
                          Long.class)
                      .setParameter(1, id)
                      .getSingleResult();
          String flash;
          if (used > 0) {
            s.archived = true;
            flash = "settings_flash_archived";
          } else {
            s.delete();
            flash = "settings_flash_deleted";
          }
          em.flush();
          String rule = stageRules();
          if (rule != null) {
            throw new Refused(form, new FormErrors().add("remove", rule), Map.of());
          }
          return done(flash);
        });
  }

  @POST
  @Path("stages/{id}/restore")
  @Produces(MediaType.TEXT_HTML)
  public Response restoreStage(@PathParam("id") long id) {
    return inTransaction(
        () -> {
          PipelineStage s = stage(id);
          s.archived = false;
          s.flush();
          String rule = stageRules();
          if (rule != null) {
            throw new Refused("stage-" + id, new FormErrors().add("remove", rule), Map.of());
          }
          return done("settings_flash_restored");
        });
  }

  /** The pipeline needs at least one open stage, exactly one won and exactly one lost stage. */
  private String stageRules() {
    List<PipelineStage> active = PipelineStage.listActive();
    long open = active.stream().filter(PipelineStage::isOpen).count();
    long won = active.stream().filter(PipelineStage::isWon).count();
    long lost = active.stream().filter(PipelineStage::isLost).count();
    if (open < 1) {
      return "settings_error_needs_open";
    }
    if (won != 1) {
      return "settings_error_needs_one_won";
    }
    if (lost != 1) {
      return "settings_error_needs_one_lost";
    }
    return null;
  }

  // --- funnel ------------------------------------------------------------------------------

  /**
   * Sets the retention window of the funnel (a customer is retained when it wins again within this
   * many days of its first win) and re-derives every customer's retention in the same transaction;
   * the rollups follow through their triggers.
   */
  @POST
  @Path("retention")
  @Produces(MediaType.TEXT_HTML)
  public Response setRetention(@RestForm String days) {
    Map<String, String> values = values("days", days);
    Integer n = null;
    try {
      n = Integer.valueOf(trim(days));
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    if (n == null || n < 1 || n > io.loopcrm.funnel.ReportSetting.MAX_RETENTION_DAYS) {
      FormErrors errors = new FormErrors();
      errors.add("days", "settings_error_retention_days");
      return invalid("retention", errors, values);
    }
    int value = n;
    return inTransaction(
        () -> {
          io.loopcrm.funnel.ReportSetting setting = io.loopcrm.funnel.ReportSetting.get();
          if (setting.retentionDays != value) {
            setting.retentionDays = value;
            em.flush();
            em.createNativeQuery("select funnel_refresh_all_retention()").getSingleResult();
          }
          return done("settings_flash_retention");
        });
  }

  // --- lists ---------------------------------------------------------------------------------

  @POST
  @Path("lists/{list}")
  @Produces(MediaType.TEXT_HTML)
  public Response addValue(@PathParam("list") String listCode, @RestForm String label) {
    ChoiceList list = list(listCode);
    String form = "list-" + list.code();
    String text = trim(label);
    Map<String, String> values = values("label", label);
    FormErrors errors = new FormErrors();
    String code;
    if (list == ChoiceList.CURRENCY) {
      code = text.toUpperCase(Locale.ROOT);
      if (!validCurrency(code)) {
        errors.add("label", "settings_error_currency");
      }
    } else {
      code = slug(text);
      if (text.isEmpty()) {
        errors.add("label", "error_required");
      } else if (text.length() > 100) {
        errors.add("label", "error_too_long_100");
      }
    }
    if (errors.isEmpty()
        && Choice.count(
                "list = ?1 and (code = ?2 or lower(label) = ?3)",
                list.code(),
                code,
                text.toLowerCase(Locale.ROOT))
            > 0) {
      errors.add("label", "settings_error_exists");
    }
    if (errors.isPresent()) {
      return invalid(form, errors, values);
    }
    return inTransaction(
        () -> {
          Choice c = new Choice();
          c.list = list.code();
          c.code = code;
          c.label = list == ChoiceList.CURRENCY ? null : text;
          Integer last =
              em.createQuery(
                      "select max(c.position) from Choice c where c.list = ?1", Integer.class)
                  .setParameter(1, list.code())
                  .getSingleResult();
          c.position = last == null ? 1 : last + 1;
          c.persist();
          return done("settings_flash_value_added");
        });
  }

  /** Renames a value; records keep its code, so they show the new name. */
  @POST
  @Path("lists/{list}/{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response renameValue(
      @PathParam("list") String listCode, @PathParam("id") long id, @RestForm String label) {
    ChoiceList list = list(listCode);
    if (list == ChoiceList.CURRENCY) {
      throw new NotFoundException();
    }
    String text = trim(label);
    String form = "value-" + id;
    FormErrors errors = new FormErrors();
    if (text.length() > 100) {
      errors.add("label", "error_too_long_100");
    }
    if (errors.isPresent()) {
      return invalid(form, errors, values("label", label));
    }
    return inTransaction(
        () -> {
          Choice c = value(list, id);
          if (text.isEmpty() && !isBuiltIn(list, c)) {
            throw new Refused(
                form, new FormErrors().add("label", "error_required"), values("label", label));
          }
          c.label = text.isEmpty() ? null : text;
          return done("settings_flash_saved");
        });
  }

  @POST
  @Path("lists/{list}/{id}/remove")
  @Produces(MediaType.TEXT_HTML)
  public Response removeValue(@PathParam("list") String listCode, @PathParam("id") long id) {
    ChoiceList list = list(listCode);
    return inTransaction(
        () -> {
          Choice c = value(list, id);
          long activeLeft =
              Choice.count("list = ?1 and archived = false and id <> ?2", list.code(), id);
          if (list != ChoiceList.COMPETITOR && activeLeft == 0) {
            throw new Refused(
                "value-" + id,
                new FormErrors().add("remove", "settings_error_last_value"),
                Map.of());
          }
          String flash;
          if (inUse(list, c)) {
            c.archived = true;
            flash = "settings_flash_archived";
          } else {
            c.delete();
            flash = "settings_flash_deleted";
          }
          return done(flash);
        });
  }

  @POST
  @Path("lists/{list}/{id}/restore")
  @Produces(MediaType.TEXT_HTML)
  public Response restoreValue(@PathParam("list") String listCode, @PathParam("id") long id) {
    ChoiceList list = list(listCode);
    return inTransaction(
        () -> {
          value(list, id).archived = false;
          return done("settings_flash_restored");
        });
  }

  private boolean inUse(ChoiceList list, Choice c) {
    String sql =
        switch (list) {
          case REJECT_REASON -> "select count(*) from lead where reject_reason = ?1";
          case LOST_REASON -> "select count(*) from deal where lost_reason = ?1";
          case COMPETITOR -> "select count(*) from deal where lower(competitor) = lower(?1)";
          case CURRENCY ->
              "select (select count(*) from deal where currency = ?1)"
                  + " + (select count(*) from quota where currency = ?1)"
                  + " + (select count(*) from campaign where currency = ?1)";
        };
    String value = list == ChoiceList.COMPETITOR && c.label != null ? c.label : c.code;
    return (Long) em.createNativeQuery(sql, Long.class).setParameter(1, value).getSingleResult()
        > 0;
  }

  /** A shipped reason: it has translations, so an empty name brings them back. */
  private static boolean isBuiltIn(ChoiceList list, Choice c) {
    return switch (list) {
      case REJECT_REASON -> io.loopcrm.lead.RejectReason.fromCode(c.code) != null;
      case LOST_REASON -> io.loopcrm.deal.LostReason.fromCode(c.code) != null;
      default -> false;
    };
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A change the rules refuse: thrown inside the transaction, so nothing of it is saved. */
  static class Refused extends RuntimeException {
    final transient Problem problem;

    Refused(String form, FormErrors errors, Map<String, String> values) {
      super(form, null, false, false);
      this.problem = new Problem(form, errors, values);
    }
  }

  private Response inTransaction(Supplier<Response> work) {
    try {
      return QuarkusTransaction.requiringNew().call(work::get);
    } catch (Refused r) {
      return pages.withStatus(422, page(r.problem));
    } finally {
      // dropped after the commit, so no request reloads the old values meanwhile
      stages.invalidate();
      choices.invalidate();
    }
  }

  private static Response done(String flash) {
    return Flash.redirect(URI.create("/admin/settings"), "success", flash);
  }

  private Response invalid(String form, FormErrors errors, Map<String, String> values) {
    return pages.withStatus(422, page(new Problem(form, errors, values)));
  }

  private TemplateInstance page(Problem problem) {
    List<PipelineStage> all =
        QuarkusTransaction.joiningExisting()
            .call(() -> PipelineStage.<PipelineStage>list("order by archived, position, id"));
    List<ListView> lists =
        List.of(
            view(
                ChoiceList.REJECT_REASON,
                "settings_reject_reasons",
                "settings_reject_reasons_help"),
            view(ChoiceList.LOST_REASON, "settings_lost_reasons", "settings_lost_reasons_help"),
            view(ChoiceList.COMPETITOR, "settings_competitors", "settings_competitors_help"),
            view(ChoiceList.CURRENCY, "settings_currencies", "settings_currencies_help"));
    int retention =
        QuarkusTransaction.joiningExisting()
            .call(() -> io.loopcrm.funnel.ReportSetting.get().retentionDays);
    return Templates.settings(all, lists, problem, retention);
  }

  private ListView view(ChoiceList list, String title, String help) {
    return new ListView(list.code(), title, help, choices.all(list));
  }

  private static PipelineStage stage(long id) {
    PipelineStage s = QuarkusTransaction.joiningExisting().call(() -> PipelineStage.findById(id));
    if (s == null) {
      throw new NotFoundException();
    }
    return s;
  }

  private static Choice value(ChoiceList list, long id) {
    Choice c = Choice.findById(id);
    if (c == null || !c.list.equals(list.code())) {
      throw new NotFoundException();
    }
    return c;
  }

  private static ChoiceList list(String code) {
    ChoiceList list = ChoiceList.fromCode(code);
    if (list == null) {
      throw new NotFoundException();
    }
    return list;
  }

  private static Integer probability(String value, FormErrors errors) {
    try {
      int p = Integer.parseInt(trim(value));
      if (p >= 0 && p <= 100) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add("probability", "error_probability");
    return null;
  }

  private static PipelineStage.Kind kind(String value, FormErrors errors) {
    for (PipelineStage.Kind k : PipelineStage.Kind.values()) {
      if (k.name().equalsIgnoreCase(trim(value))) {
        return k;
      }
    }
    errors.add("kind", "settings_error_kind");
    return null;
  }

  private static boolean validCurrency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A stable code for an admin's value: the label's letters and digits, or "custom_" + time. */
  private static String slug(String label) {
    String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    if (s.isEmpty() || s.length() > 50) {
      s = "custom_" + Long.toString(System.nanoTime(), 36);
    }
    return s;
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static Map<String, String> values(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
    return m;
  }
}
