package io.loopcrm.campaign;

import io.loopcrm.audit.Audited;
import io.loopcrm.funnel.LowerCaseEnumConverter;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A campaign that operations designs; its objective is one AARRR stage. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntity implements Audited {
  /** The AARRR stage a campaign aims at. */
  public enum Objective {
    ACQUISITION,
    ACTIVATION,
    RETENTION,
    REVENUE,
    REFERRAL
  }

  /** Lifecycle of a campaign. */
  public enum Status {
    DRAFT,
    SCHEDULED,
    ACTIVE,
    PAUSED,
    COMPLETED
  }

  @Column(nullable = false, length = 200)
  public String name;

  @Convert(converter = ObjectiveColumn.class)
  @Column(nullable = false)
  public Objective objective = Objective.ACQUISITION;

  @Column(nullable = false, length = 40)
  public String channel;

  @Convert(converter = StatusColumn.class)
  @Column(nullable = false)
  public Status status = Status.DRAFT;

  public LocalDate startsOn;
  public LocalDate endsOn;
  public BigDecimal budget;

  @Column(nullable = false, length = 3)
  public String currency = "USD";

  @ManyToOne(fetch = FetchType.LAZY)
  public Member owner;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign parent;

  @Version public long version;

  static class ObjectiveColumn extends LowerCaseEnumConverter<Objective> {
    ObjectiveColumn() {
      super(Objective.class);
    }
  }

  static class StatusColumn extends LowerCaseEnumConverter<Status> {
    StatusColumn() {
      super(Status.class);
    }
  }

  public static List<Campaign> listByName() {
    return list("order by name");
  }
}
