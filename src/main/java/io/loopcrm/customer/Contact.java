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
import java.util.Optional;

/** A person at a customer account. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntity implements Audited {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Account account;

  public String firstName;

  @Column(nullable = false)
  public String lastName;

  public String email;
  public String emailNormalized;
  public String phone;
  public String title;

  /** The code of the customer's personal referral link {@code /r/{code}}, once made. */
  public String referralCode;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member owner;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  @Version public long version;

  /**
   * The oldest contact with this normalised e-mail that {@code viewer} may see ({@link
   * CustomerAccess}); a contact the viewer may not see is never a match.
   */
  @SuppressWarnings("unchecked")
  public static Optional<Contact> findByEmail(
      String normalizedEmail, io.loopcrm.people.Viewer viewer) {
    if (normalizedEmail == null) {
      return Optional.empty();
    }
    String sql =
        "select c.* from contact c where c.email_normalized = :email and "
            + CustomerAccess.contact(viewer, "c")
            + " order by c.id limit 1";
    var query =
        getEntityManager()
            .createNativeQuery(sql, Contact.class)
            .setParameter("email", normalizedEmail);
    return CustomerAccess.bind(query, sql, viewer).getResultList().stream().findFirst();
  }

  /**
   * The contact with this id if it is one of {@code account}'s and {@code viewer} may see it: what
   * a form may link a record to. A contact id posted in a form goes through here, never through
   * {@code findById} alone.
   */
  @SuppressWarnings("unchecked")
  public static Optional<Contact> findChoosable(
      Account account, long id, io.loopcrm.people.Viewer viewer) {
    String sql =
        "select c.* from contact c where c.id = :id and c.account_id = :account and "
            + CustomerAccess.contact(viewer, "c");
    var query =
        getEntityManager()
            .createNativeQuery(sql, Contact.class)
            .setParameter("id", id)
            .setParameter("account", account.id);
    return CustomerAccess.bind(query, sql, viewer).getResultList().stream().findFirst();
  }

  /** The id as a form value. */
  public String getIdParam() {
    return String.valueOf(id);
  }

  public String getName() {
    return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
  }

  /** The contact if {@code viewer} may see it ({@link CustomerAccess}); otherwise 404. */
  public static Contact findVisible(long id, io.loopcrm.people.Viewer viewer) {
    if (!isVisible(id, viewer)) {
      throw new NotFound();
    }
    return find("from Contact c join fetch c.account where c.id = ?1", id).firstResult();
  }

  /** The contacts of {@code account} that {@code viewer} may see, by name: one statement. */
  @SuppressWarnings("unchecked")
  public static java.util.List<Contact> listVisibleOf(
      Account account, io.loopcrm.people.Viewer viewer) {
    String sql =
        "select c.* from contact c where c.account_id = :account and "
            + CustomerAccess.contact(viewer, "c")
            + " order by lower(c.last_name), lower(coalesce(c.first_name, '')), c.id";
    var query =
        getEntityManager()
            .createNativeQuery(sql, Contact.class)
            .setParameter("account", account.id);
    return CustomerAccess.bind(query, sql, viewer).getResultList();
  }

  /** Another contact with this normalised e-mail, if any. */
  public static Optional<Contact> findDuplicate(String normalizedEmail, Long except) {
    return normalizedEmail == null
        ? Optional.empty()
        : find(
                "from Contact c join fetch c.account where c.emailNormalized = ?1 and c.id <> ?2 order by c.id",
                normalizedEmail,
                except == null ? -1L : except)
            .firstResultOptional();
  }

  /** Whether {@code viewer} may see the contact with this id ({@link CustomerAccess}). */
  public static boolean isVisible(long id, io.loopcrm.people.Viewer viewer) {
    String sql =
        "select c.id from contact c where c.id = :id and " + CustomerAccess.contact(viewer, "c");
    var query = getEntityManager().createNativeQuery(sql).setParameter("id", id);
    return !CustomerAccess.bind(query, sql, viewer).getResultList().isEmpty();
  }
}
