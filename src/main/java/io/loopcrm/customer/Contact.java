package io.loopcrm.customer;

import io.loopcrm.audit.Audited;
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

  public static Optional<Contact> findByEmail(String normalizedEmail) {
    return normalizedEmail == null
        ? Optional.empty()
        : find("emailNormalized", normalizedEmail).firstResultOptional();
  }

  /** The id as a form value. */
  public String getIdParam() {
    return String.valueOf(id);
  }

  public String getName() {
    return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
  }
}
