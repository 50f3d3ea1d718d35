package io.loopcrm.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets and signatures of the Standard Webhooks scheme, signed by its reference library: a
 * secret is {@code whsec_} and the base64 of 32 random bytes; a signature is {@code v1,} and the
 * base64 HMAC-SHA256 of {@code id.timestamp.body}. While a rotated secret still signs, the header
 * carries both signatures, space-separated, and a receiver accepts either.
 */
public final class WebhookSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  /** A new secret. */
  public static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header's value. */
  static String signatures(
      String secret, String previous, String messageId, long timestamp, String body) {
    String now = sign(secret, messageId, timestamp, body);
    return previous == null ? now : now + " " + sign(previous, messageId, timestamp, body);
  }

  static String sign(String secret, String messageId, long timestamp, String body) {
    try {
      return new Webhook(secret).sign(messageId, timestamp, body);
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("could not sign a webhook", e);
    }
  }
}
