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
