package io.loopcrm.lead;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * The segment of one company size bucket, set by an administrator: a lead captured, imported or
 * typed in without a segment gets it (the database's lead trigger, and {@link SegmentBands} before
 * routing). No segment: leads of that size stay without one.
 */
@Entity
@Table(name = "segment_band")
public class SegmentBand extends PanacheEntityBase implements Audited {
  /** The bucket's place in {@link Lead#COMPANY_SIZES}, from 1. */
  @Id public Short id;

  @Column(name = "company_size", nullable = false, updatable = false)
  public String companySize;

  public String segment;

  /** The settings form's field of this bucket (and the key of its error). */
  public String getField() {
    return "segment-" + id;
  }

  public static List<SegmentBand> listOrdered() {
    return list("order by id");
  }
}
