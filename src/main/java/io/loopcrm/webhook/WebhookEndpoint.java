package io.loopcrm.webhook;

import io.loopcrm.audit.Audited;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A place another system receives Loop's events at: a URL, the event types it is subscribed to, and
 * the secret its deliveries are signed with. A rotated secret keeps signing, next to the new one,
 * until {@link #previousSecretUntil}. Disabled (by an admin, or after failing for days) it gets no
 * new events.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntity implements Audited {
  public static final int URL_MAX = 2000;
  public static final int DESCRIPTION_MAX = 200;

  @Column(nullable = false)
  public String url;

  public String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "event_types", nullable = false)
  public List<String> eventTypes;

  @Column(nullable = false)
  public String secret;

  public String previousSecret;
  public Instant previousSecretUntil;
  public boolean enabled = true;

  /** Why it is off: {@code admin} or {@code failing}; null while enabled. */
  public String disabledReason;

  public Instant failingSince;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by")
  public Member createdBy;

  public Instant createdAt;

  /** Who may see the secret once, until when (right after it was made). */
  public Long revealTo;

  public Instant revealUntil;

  @Version public long version;

  /** Every endpoint, the newest first. */
  public static List<WebhookEndpoint> all() {
    return list("order by id desc");
  }

  /** Starts signing with a new secret; the current one signs too until {@code until}. */
  public void rotate(Instant until, long by, Instant now) {
    previousSecret = secret;
    previousSecretUntil = until;
    newSecret(by, now);
  }

  /** A new secret, to be shown once to {@code by} in the next minutes. */
  public void newSecret(long by, Instant now) {
    secret = WebhookSecrets.generate();
    revealTo = by;
    revealUntil = now.plusSeconds(600);
  }

  /**
   * The secret of endpoint {@code id} if {@code viewer} may see it now (once, right after it was
   * made), else null. Seeing it uses the one showing up; the endpoint's version stays as it is, so
   * the page's form is not stale for it.
   */
  public static String reveal(long id, long viewer) {
    List<?> secret =
        getEntityManager()
            .createNativeQuery(
                "update webhook_endpoint set reveal_to = null, reveal_until = null"
                    + " where id = :id and reveal_to = :viewer and reveal_until > now()"
                    + " returning secret")
            .setParameter("id", id)
            .setParameter("viewer", viewer)
            .getResultList();
    return secret.isEmpty() ? null : (String) secret.get(0);
  }

  /** Switches it on or off by an admin's hand; either way it starts over without failures. */
  public void switchTo(boolean on) {
    if (on != enabled) {
      enabled = on;
      failingSince = null;
      disabledReason = on ? null : "admin";
    }
  }

  /** The message key of why it is off (by an admin's hand or after failing). */
  public String disabledKey() {
    return "disabled_" + (disabledReason == null ? "admin" : disabledReason);
  }

  public boolean isPreviousSecretValid(Instant now) {
    return previousSecret != null
        && previousSecretUntil != null
        && previousSecretUntil.isAfter(now);
  }
}
