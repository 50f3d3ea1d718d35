package io.loopcrm.deal;

import io.loopcrm.funnel.LowerCaseEnumConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A column of the pipeline, with the probability a deal in it gets by default. */
@Entity
@Table(name = "pipeline_stage")
public class PipelineStage extends PanacheEntity implements io.loopcrm.audit.Audited {
  /** Open stages hold working deals; a won or lost stage closes the deal. */
  public enum Kind {
    OPEN,
    WON,
    LOST;

    /** Database column mapping. */
    @Converter(autoApply = true)
    public static class Column extends LowerCaseEnumConverter<Kind> {
      public Column() {
        super(Kind.class);
      }
    }
  }

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public int probability;

  @Column(nullable = false)
  public Kind kind = Kind.OPEN;

  public boolean archived;

  /** The name an admin gave the stage; null for a built-in stage, which is translated. */
  @Column(length = 100)
  public String label;

  public static List<PipelineStage> listActive() {
    return list("archived = false order by position");
  }

  /**
   * The rule a pipeline of these active stage kinds breaks, as a message key, or null: it needs at
   * least one open stage, exactly one won and exactly one lost stage.
   */
  /** The stages a new deal may start in: the active open ones, in pipeline order. */
  public static List<PipelineStage> listStartable() {
    return listActive().stream().filter(PipelineStage::isOpen).toList();
  }

  /** Where a new deal starts when no stage is chosen: the first startable stage, or null. */
  public static PipelineStage firstStartable() {
    return listStartable().stream().findFirst().orElse(null);
  }

  /** The startable stage with this id, or null. */
  public static PipelineStage findStartable(Long id) {
    return id == null
        ? null
        : listStartable().stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  public static String ruleBrokenBy(List<Kind> kinds) {
    if (kinds.stream().noneMatch(k -> k == Kind.OPEN)) {
      return "settings_error_needs_open";
    }
    if (kinds.stream().filter(k -> k == Kind.WON).count() != 1) {
      return "settings_error_needs_one_won";
    }
    if (kinds.stream().filter(k -> k == Kind.LOST).count() != 1) {
      return "settings_error_needs_one_lost";
    }
    return null;
  }

  /** The position after the last stage, archived ones included. */
  public static int nextPosition() {
    Integer last =
        getEntityManager()
            .createQuery("select max(s.position) from PipelineStage s", Integer.class)
            .getSingleResult();
    return last == null ? 1 : last + 1;
  }

  /** How many open deals sit in this stage. */
  /**
   * Sets the stage's default probability; the open deals in it that take the default (no rep set
   * their own) take the new one, in one statement (their version moves, so an edit form opened
   * before does not write the old figure back). Returns how many deals changed.
   */
  public int changeProbability(int probability, java.time.Instant now) {
    if (probability == this.probability) {
      return 0;
    }
    this.probability = probability;
    return getEntityManager()
        .createQuery(
            "update Deal d set d.probability = ?1, d.version = d.version + 1, d.updatedAt = ?2"
                + " where d.stage.id = ?3 and d.status = ?4 and d.probabilityManual = false"
                + " and d.probability <> ?1")
        .setParameter(1, probability)
        .setParameter(2, now)
        .setParameter(3, id)
        .setParameter(4, Deal.Status.OPEN)
        .executeUpdate();
  }

  public long openDeals() {
    return getEntityManager()
        .createQuery(
            "select count(d) from Deal d where d.stage.id = ?1 and d.status = ?2", Long.class)
        .setParameter(1, id)
        .setParameter(2, Deal.Status.OPEN)
        .getSingleResult();
  }

  /** Whether any deal is or was in this stage: then it is archived, not deleted. */
  public boolean isUsed() {
    return Deal.count("stage.id", id) > 0
        || StageChange.count("fromStage.id = ?1 or toStage.id = ?1", id) > 0;
  }

  public boolean isWon() {
    return kind == Kind.WON;
  }

  public boolean isLost() {
    return kind == Kind.LOST;
  }

  public boolean isOpen() {
    return kind == Kind.OPEN;
  }

  /** Message key of the stage's name. */
  public String labelKey() {
    return "stage_" + name;
  }
}
