package io.loopcrm.deal;

import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One changed field of a deal, old → new, who and when: the deal page's history. Append-only. */
@Entity
@Table(name = "deal_change")
public class DealChange extends PanacheEntity {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Deal deal;

  @Column(nullable = false)
  public String field;

  public String oldValue;
  public String newValue;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member changedBy;

  @Column(nullable = false, updatable = false)
  public Instant changedAt = Instant.now();

  public static List<DealChange> historyOf(Deal deal) {
    return find(
            "from DealChange c left join fetch c.changedBy where c.deal = ?1 order by c.changedAt desc, c.id desc",
            deal)
        .list();
  }

  public String fieldKey() {
    return "deal_field_" + field;
  }
}
