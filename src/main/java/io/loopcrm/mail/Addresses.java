package io.loopcrm.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** E-mail addresses as forms take them and as headers need them. */
public final class Addresses {
  /** At most this many recipients in one field. */
  public static final int MAX = 20;

  private Addresses() {}

  /**
   * The addresses of a field ("a@x.com, b@y.com" or separated by semicolons), each checked
   * strictly, or null when one is not an address (or there are more than {@link #MAX}).
   */
  public static List<String> parse(String field) {
    List<String> out = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return out;
    }
    for (String part : field.split("[,;]")) {
      String a = part.trim();
      if (a.isEmpty()) {
        continue;
      }
      if (!io.loopcrm.lead.Lead.isEmail(a) || a.length() > 254 || a.matches(".*[\\s<>\"].*")) {
        return null;
      }
      try {
        new InternetAddress(a, true).validate();
      } catch (AddressException e) {
        return null;
      }
      out.add(a);
    }
    return out.size() > MAX ? null : out;
  }

  /** "Name <address>" with the name encoded as a header needs it (Chinese names too). */
  public static String display(String address, String name) {
    if (name == null || name.isBlank()) {
      return address;
    }
    try {
      return new InternetAddress(
              address, name.replaceAll("[\\r\\n]", " "), StandardCharsets.UTF_8.name())
          .toString();
    } catch (UnsupportedEncodingException e) {
      return address;
    }
  }
}
