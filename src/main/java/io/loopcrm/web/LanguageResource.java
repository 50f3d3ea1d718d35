package io.loopcrm.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * The language switcher: remembers the choice in a cookie and goes back to the page it came from.
 */
@Path("/lang")
@PermitAll
public class LanguageResource {
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @GET
  @Path("/{tag}")
  public Response choose(@PathParam("tag") String tag, @QueryParam("back") String back) {
    Locale locale = RequestLocale.supported(tag);
    if (locale == null) {
      return Response.seeOther(URI.create("/")).build();
    }
    NewCookie cookie =
        new NewCookie.Builder(RequestLocale.COOKIE)
            .value(locale.toLanguageTag())
            .path("/")
            .maxAge(ONE_YEAR)
            .httpOnly(true)
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return Response.seeOther(target(back)).cookie(cookie).build();
  }

  /** The page to go back to; the home page when {@code back} is not a well-formed local path. */
  static URI target(String back) {
    try {
      return URI.create(localPath(back));
    } catch (IllegalArgumentException e) {
      return URI.create("/");
    }
  }

  /** Only a path on this site, so the switcher cannot be used as an open redirect. */
  static String localPath(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.contains("\\")
        || back.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return back;
  }
}
