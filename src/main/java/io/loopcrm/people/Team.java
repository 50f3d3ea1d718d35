package io.loopcrm.people;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** A sales team: routing sends leads to teams, managers see their team's records. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntity implements Audited {
  @Column(nullable = false, unique = true, length = 100)
  public String name;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member manager;

  public static Optional<Team> findByName(String name) {
    return find("name", name).firstResultOptional();
  }
}
