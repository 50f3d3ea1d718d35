package io.loopcrm.api;

import io.loopcrm.web.FormErrors;
import io.loopcrm.web.RequestLocale;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' messages for what is wrong with a field, in the API client's language (its
 * Accept-Language, English by default): a field the forms refuse is refused by the API with the
 * same words.
 */
@RequestScoped
public class ApiMessages {
  /** The message bundles, in the order a key is looked up. */
  private static final List<String> BUNDLES = List.of("msg", "sls", "ops", "adm", "lbl");

  @Inject RequestLocale locale;

  /** The message of {@code key}, or the key itself when no bundle has it. */
  public String text(String key) {
    Locale l = locale.get();
    for (String name : BUNDLES) {
      try {
        ResourceBundle b =
            ResourceBundle.getBundle(
                "messages." + name,
                l,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        if (b.containsKey(key)) {
          return b.getString(key);
        }
      } catch (MissingResourceException absent) {
        // the next bundle
      }
    }
    return key;
  }

  /**
   * A form's errors as the API names them: each field by its name in the JSON ({@code names} maps a
   * form field to it where they differ), each message in words.
   */
  public Map<String, String> of(FormErrors errors, Map<String, String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    errors.asMap().forEach((field, key) -> out.put(names.getOrDefault(field, field), text(key)));
    return out;
  }
}
