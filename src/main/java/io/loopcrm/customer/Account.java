package io.loopcrm.customer;

import io.loopcrm.audit.Audited;
import io.loopcrm.common.NotFound;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A customer company. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntity implements Audited {
  @Column(nullable = false)
  public String name;

  public String domain;
  public String industry;
  public String region;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member owner;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  @Version public long version;

  /** A web address as accounts keep it: lower case, without scheme, "www.", path or port. */
  public static String normalizeDomain(String website) {
    if (website == null || website.isBlank()) {
      return null;
    }
    String d = website.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    d = d.replaceFirst("^www\\.", "");
    int cut = d.indexOf('/');
    d = cut >= 0 ? d.substring(0, cut) : d;
    return d.isEmpty() ? null : d;
  }

  /**
   * An existing account for this company that {@code viewer} may see ({@link CustomerAccess}): by
   * e-mail domain first, then by name (case-insensitive), the oldest of each. An account the viewer
   * may not see is never a match, so nobody learns of it or is linked to it.
   */
  public static Optional<Account> findMatching(
      String domain, String name, io.loopcrm.people.Viewer viewer) {
    if (domain != null) {
      Optional<Account> byDomain = firstVisible("lower(a.domain) = :key", domain, viewer);
      if (byDomain.isPresent()) {
        return byDomain;
      }
    }
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return firstVisible("lower(a.name) = :key", name.trim(), viewer);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Account> firstVisible(
      String condition, String key, io.loopcrm.people.Viewer viewer) {
    String sql =
        "select a.* from account a where "
            + condition
            + " and "
            + CustomerAccess.account(viewer, "a")
            + " order by a.id limit 1";
    var query =
        getEntityManager()
            .createNativeQuery(sql, Account.class)
            .setParameter("key", key.toLowerCase(Locale.ROOT));
    return CustomerAccess.bind(query, sql, viewer).getResultList().stream().findFirst();
  }

  /** The account if {@code viewer} may see it ({@link CustomerAccess}); otherwise 404. */
  public static Account findVisible(long id, io.loopcrm.people.Viewer viewer) {
    if (!isVisible(id, viewer)) {
      throw new NotFound();
    }
    return findById(id);
  }

  /** Another account with this web domain (case-insensitive), if any. */
  public static Optional<Account> findByDomain(String domain, Long except) {
    if (domain == null || domain.isBlank()) {
      return Optional.empty();
    }
    return find(
            "lower(domain) = ?1 and id <> ?2 order by id",
            domain.trim().toLowerCase(Locale.ROOT),
            except == null ? -1L : except)
        .firstResultOptional();
  }

  /** Whether {@code viewer} may see the account with this id ({@link CustomerAccess}). */
  public static boolean isVisible(long id, io.loopcrm.people.Viewer viewer) {
    String sql =
        "select a.id from account a where a.id = :id and " + CustomerAccess.account(viewer, "a");
    var query = getEntityManager().createNativeQuery(sql).setParameter("id", id);
    return !CustomerAccess.bind(query, sql, viewer).getResultList().isEmpty();
  }
}
