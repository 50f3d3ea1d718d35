package io.loopcrm.funnel;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The funnel's one row of settings: the retention window (days after a first win). */
@Entity
@Table(name = "report_setting")
public class ReportSetting extends PanacheEntityBase implements Audited {
  public static final int MAX_RETENTION_DAYS = 3660;

  @Id public Short id;

  @Column(name = "retention_days")
  public int retentionDays;

  public static ReportSetting get() {
    return findById((short) 1);
  }
}
