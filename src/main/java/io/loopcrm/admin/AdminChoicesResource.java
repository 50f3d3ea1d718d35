package io.loopcrm.admin;

import io.loopcrm.admin.SettingsPage.Outcome;
import io.loopcrm.deal.LostReason;
import io.loopcrm.lead.RejectReason;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.Choice;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.web.FormErrors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The editable lists on the settings page (reject reasons, lost reasons, competitors, currencies):
 * add, rename, remove and restore a value. A value that records use is archived, never deleted, so
 * those records keep showing it; an unused one is deleted. A list keeps at least one active value,
 * except competitors.
 */
@Path("/admin/settings/lists/{list}")
@RolesAllowed(Roles.ADMIN)
public class AdminChoicesResource {
  @Inject SettingsPage page;

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response add(@PathParam("list") String listCode, @RestForm String label) {
    ChoiceList list = list(listCode);
    String text = SettingsPage.trim(label);
    boolean currency = list == ChoiceList.CURRENCY;
    String code = currency ? text.toUpperCase(Locale.ROOT) : Choice.slug(text);
    FormErrors errors = new FormErrors();
    if (currency && !Choice.isCurrencyCode(code)) {
      errors.add("label", "settings_error_currency");
    } else if (text.isEmpty()) {
      errors.add("label", "error_required");
    } else if (text.length() > 100) {
      errors.add("label", "error_too_long_100");
    } else if (Choice.exists(list, code, text)) {
      errors.add("label", "settings_error_exists");
    }
    if (errors.isPresent()) {
      return page.invalid("list-" + list.code(), errors, SettingsPage.values("label", label));
    }
    return page.apply(
        () -> {
          Choice c = new Choice();
          c.list = list.code();
          c.code = code;
          c.label = currency ? null : text;
          c.position = Choice.nextPosition(list);
          c.persist();
          return Outcome.saved("settings_flash_value_added");
        });
  }

  /** Renames a value; records keep its code, so they show the new name. */
  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response rename(
      @PathParam("list") String listCode, @PathParam("id") long id, @RestForm String label) {
    ChoiceList list = list(listCode);
    if (list == ChoiceList.CURRENCY) {
      throw new NotFoundException();
    }
    String text = SettingsPage.trim(label);
    String form = "value-" + id;
    Map<String, String> values = SettingsPage.values("label", label);
    if (text.length() > 100) {
      return page.invalid(form, new FormErrors().add("label", "error_too_long_100"), values);
    }
    return page.apply(
        () -> {
          Choice c = value(list, id);
          if (text.isEmpty() && !isBuiltIn(list, c)) {
            return Outcome.refused(form, "label", "error_required", values);
          }
          c.label = text.isEmpty() ? null : text;
          return Outcome.saved("settings_flash_saved");
        });
  }

  @POST
  @Path("{id}/remove")
  @Produces(MediaType.TEXT_HTML)
  public Response remove(@PathParam("list") String listCode, @PathParam("id") long id) {
    ChoiceList list = list(listCode);
    return page.apply(
        () -> {
          Choice c = value(list, id);
          if (list != ChoiceList.COMPETITOR
              && Choice.count("list = ?1 and archived = false and id <> ?2", list.code(), id)
                  == 0) {
            return Outcome.refused("value-" + id, "remove", "settings_error_last_value", Map.of());
          }
          if (c.isUsed()) {
            c.archived = true;
            return Outcome.saved("settings_flash_archived");
          }
          c.delete();
          return Outcome.saved("settings_flash_deleted");
        });
  }

  @POST
  @Path("{id}/restore")
  @Produces(MediaType.TEXT_HTML)
  public Response restore(@PathParam("list") String listCode, @PathParam("id") long id) {
    ChoiceList list = list(listCode);
    return page.apply(
        () -> {
          value(list, id).archived = false;
          return Outcome.saved("settings_flash_restored");
        });
  }

  /** A shipped reason: it has translations, so an empty name brings them back. */
  private static boolean isBuiltIn(ChoiceList list, Choice c) {
    return switch (list) {
      case REJECT_REASON -> RejectReason.fromCode(c.code) != null;
      case LOST_REASON -> LostReason.fromCode(c.code) != null;
      default -> false;
    };
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
}
