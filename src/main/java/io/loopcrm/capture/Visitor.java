package io.loopcrm.capture;

import jakarta.ws.rs.core.NewCookie;
import java.util.UUID;

/** The anonymous visitor id kept in a first-party cookie, to tie clicks and form submissions. */
final class Visitor {
  static final String COOKIE = "loop_vid";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private Visitor() {}

  /** The visitor of the request, or null when the cookie is missing or not ours. */
  static UUID of(String cookie) {
    return io.loopcrm.common.Params.parseUuid(cookie);
  }

  static NewCookie cookie(UUID id, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(id.toString())
        .path("/")
        .maxAge(ONE_YEAR)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
