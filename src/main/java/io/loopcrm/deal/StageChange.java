package io.loopcrm.deal;

import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One move of a deal between pipeline stages: from, to, who, when. Append-only. */
@Entity
@Table(name = "stage_change")
public class StageChange extends PanacheEntity {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Deal deal;

  @ManyToOne(fetch = FetchType.LAZY)
  public PipelineStage fromStage;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public PipelineStage toStage;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member changedBy;

  @Column(nullable = false, updatable = false)
  public Instant changedAt = Instant.now();
}
