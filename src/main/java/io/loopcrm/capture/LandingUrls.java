package io.loopcrm.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Landing and thank-you URLs an operations user may configure: absolute http(s) only. */
public final class LandingUrls {
  private LandingUrls() {}

  public static boolean isValid(String url) {
    if (url == null || url.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && !uri.getHost().isBlank()
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
