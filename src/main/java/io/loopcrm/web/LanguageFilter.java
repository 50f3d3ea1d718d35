package io.loopcrm.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Makes the language picked with the switcher win over the browser's: the request then reads, to
 * every part of the stack (templates, message bundles, validation messages), as asking for it.
 */
public class LanguageFilter {

  @ServerRequestFilter(preMatching = true)
  public void useChosenLanguage(ContainerRequestContext request) {
    var cookie = request.getCookies().get(RequestLocale.COOKIE);
    Locale chosen = cookie == null ? null : RequestLocale.supported(cookie.getValue());
    if (chosen != null) {
      request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, chosen.toLanguageTag());
    }
  }
}
