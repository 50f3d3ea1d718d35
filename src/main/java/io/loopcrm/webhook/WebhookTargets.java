package io.loopcrm.webhook;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may go: an absolute https URL (or http where {@code loop.webhooks.allow-local} is
 * on) without user name or password, whose host resolves to public addresses only — not loopback,
 * private, link-local, shared (100.64/10), multicast or unspecified — unless local targets are
 * allowed. Checked when an endpoint is saved and again before each delivery (a name may resolve
 * elsewhere later).
 */
@ApplicationScoped
public class WebhookTargets {
  @Inject LoopConfig config;

  /** Why {@code url} is not a target, as a message key, or null. */
  public String problem(String url) {
    return problem(url, config.webhooks().allowLocal());
  }

  /** The same, with local targets allowed or not. */
  static String problem(String url, boolean local) {
    if (url == null || url.isBlank()) {
      return "error_required";
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return "webhook_error_url";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return "webhook_error_url";
    }
    if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
      return "webhook_error_https";
    }
    if (local) {
      return null;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
        if (!isPublic(a)) {
          return "webhook_error_private";
        }
      }
    } catch (UnknownHostException e) {
      return "webhook_error_host";
    }
    return null;
  }

  /** Why a delivery to {@code url} is refused, in words for the log, or null. */
  String refusal(String url) {
    String problem = problem(url);
    return switch (problem == null ? "" : problem) {
      case "" -> null;
      case "webhook_error_private" -> "refused: the host has a private or local address";
      case "webhook_error_host" -> "refused: the host name does not resolve";
      case "webhook_error_https" -> "refused: not https";
      default -> "refused: not a valid URL";
    };
  }

  /** Whether {@code a} is an address on the public internet. */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8 "this network", 100.64/10 shared address space, 192.0.0/24, 198.18/15, 240/4
      return first != 0
          && !(first == 100 && second >= 64 && second < 128)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
          && !(first == 198 && (second == 18 || second == 19))
          && first < 240;
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      // fc00::/7 unique local; an IPv4-mapped address is judged as its IPv4 address
      if ((first & 0xfe) == 0xfc) {
        return false;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
