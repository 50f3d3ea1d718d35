package io.loopcrm.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The language of the current request: the one the user picked with the switcher (a cookie), else
 * the best match for the browser's Accept-Language among the supported ones, else English.
 */
@Named("lang")
@RequestScoped
public class RequestLocale {
  public static final String COOKIE = "loop_lang";
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  @Inject RoutingContext routing;

  private Locale locale;

  public Locale get() {
    if (locale == null) {
      locale = resolve();
    }
    return locale;
  }

  /** The BCP 47 tag, for {@code <html lang>}. */
  public String getTag() {
    return get().toLanguageTag();
  }

  /** The current page's path and query, URL-encoded, for the switcher to come back to. */
  public String getBack() {
    return java.net.URLEncoder.encode(
        routing.request().uri(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public boolean isChinese() {
    return get().getLanguage().equals("zh");
  }

  private Locale resolve() {
    Cookie chosen = routing.request().getCookie(COOKIE);
    if (chosen != null) {
      Locale picked = supported(chosen.getValue());
      if (picked != null) {
        return picked;
      }
    }
    String header = routing.request().getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      try {
        Locale match =
            Locale.lookup(
                Locale.LanguageRange.parse(header),
                List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.CHINESE));
        if (match != null) {
          return match.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
      } catch (IllegalArgumentException malformed) {
        // fall back to the default below
      }
    }
    return Locale.ENGLISH;
  }

  /** The supported locale for a language tag, or null. */
  public static Locale supported(String tag) {
    if (tag == null) {
      return null;
    }
    Locale wanted = Locale.forLanguageTag(tag);
    return SUPPORTED.stream().filter(l -> l.equals(wanted)).findFirst().orElse(null);
  }
}
