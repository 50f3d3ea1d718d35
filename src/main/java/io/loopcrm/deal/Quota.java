package io.loopcrm.deal;

import io.loopcrm.audit.Audited;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** What a rep is expected to win in a month. */
@Entity
@Table(name = "quota")
public class Quota extends PanacheEntity implements Audited {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Member member;

  /** The first day of the month. */
  @Column(nullable = false)
  public LocalDate month;

  @Column(nullable = false)
  public BigDecimal amount;

  @Column(nullable = false, length = 3)
  public String currency = "USD";

  public static Optional<Quota> forMonth(Member member, LocalDate anyDay) {
    return find("member = ?1 and month = ?2", member, anyDay.withDayOfMonth(1))
        .firstResultOptional();
  }
}
