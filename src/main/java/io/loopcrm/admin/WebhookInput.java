package io.loopcrm.admin;

import io.loopcrm.web.FormErrors;
import io.loopcrm.webhook.EventType;
import io.loopcrm.webhook.WebhookEndpoint;
import io.loopcrm.webhook.WebhookTargets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** A webhook endpoint as the admin form posts it: where, what for, which events, on or off. */
public class WebhookInput {
  @RestForm public String url;
  @RestForm public String description;
  @RestForm public List<String> types;
  @RestForm public boolean enabled;
  @RestForm public String version;

  public FormErrors errors(WebhookTargets targets) {
    FormErrors errors = FormErrors.none();
    if (url != null && url.trim().length() > WebhookEndpoint.URL_MAX) {
      errors.add("url", "form_error_too_long");
    } else {
      String problem = targets.problem(url);
      if (problem != null) {
        errors.add("url", problem);
      }
    }
    if (description != null && description.trim().length() > WebhookEndpoint.DESCRIPTION_MAX) {
      errors.add("description", "error_too_long_200");
    }
    if (types == null || types.isEmpty() || !types.stream().allMatch(EventType::isCode)) {
      errors.add("types", "webhook_error_types");
    }
    return errors;
  }

  /** Writes the form into {@code e} (the switch only on an existing endpoint's form). */
  public void applyTo(WebhookEndpoint e, boolean withSwitch) {
    e.url = url.trim();
    e.description = description == null || description.isBlank() ? null : description.trim();
    e.eventTypes = List.copyOf(new LinkedHashSet<>(types));
    if (withSwitch) {
      e.switchTo(enabled);
    }
  }

  public static Map<String, Object> values(WebhookEndpoint e) {
    Map<String, Object> v = new HashMap<>();
    v.put("url", e.url);
    v.put("description", e.description == null ? "" : e.description);
    v.put("types", e.eventTypes);
    v.put("enabled", e.enabled);
    v.put("version", Long.toString(e.version));
    return v;
  }

  public Map<String, Object> values() {
    Map<String, Object> v = new HashMap<>();
    v.put("url", url == null ? "" : url);
    v.put("description", description == null ? "" : description);
    v.put("types", types == null ? List.of() : types);
    v.put("enabled", enabled);
    v.put("version", version == null ? "" : version);
    return v;
  }

  /** The values of an empty form: every event type ticked. */
  public static Map<String, Object> fresh() {
    Map<String, Object> v = new HashMap<>();
    v.put("url", "");
    v.put("description", "");
    v.put("types", EventType.CODES);
    v.put("enabled", true);
    v.put("version", "");
    return v;
  }
}
