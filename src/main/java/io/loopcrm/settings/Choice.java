package io.loopcrm.settings;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One value of an editable list (reject reasons, lost reasons, competitors, currencies). Records
 * store the code; the built-in values have no label and are translated, an admin's have one.
 */
@Entity
@Table(name = "choice")
public class Choice extends PanacheEntity implements Audited {
  @Column(nullable = false, length = 30)
  public String list;

  @Column(nullable = false, length = 60)
  public String code;

  @Column(length = 100)
  public String label;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public boolean archived;
}
