package io.loopcrm.funnel;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row of report settings: the funnel's retention window (days after a first win) and the
 * first-response target that a rep's Today page and the funnel's team table both measure against.
 */
@Entity
@Table(name = "report_setting")
public class ReportSetting extends PanacheEntityBase implements Audited {
  public static final int MAX_RETENTION_DAYS = 3660;

  /** The longest first-response target: a week. */
  public static final int MAX_FIRST_RESPONSE_MINUTES = 7 * 24 * 60;

  @Id public Short id;

  @Column(name = "retention_days")
  public int retentionDays;

  @Column(name = "first_response_minutes")
  public int firstResponseMinutes;

  /** How soon a newly assigned lead should get its rep's first response. */
  public java.time.Duration firstResponseTarget() {
    return java.time.Duration.ofMinutes(firstResponseMinutes);
  }

  public static ReportSetting get() {
    return findById((short) 1);
  }
}
