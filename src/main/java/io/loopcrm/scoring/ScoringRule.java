package io.loopcrm.scoring;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One scoring rule. Fit rules add points when a lead's attribute matches ({@code region}, {@code
 * segment}, {@code industry}, {@code company_size}, {@code source}, or {@code title} containing the
 * value); engagement rules add points per event ({@code click}, {@code form}, {@code referral}),
 * halved every half-life since the event.
 */
@Entity
@Table(name = "scoring_rule")
public class ScoringRule extends PanacheEntity implements Audited {
  public static final List<String> FIT =
      List.of("region", "segment", "industry", "company_size", "source", "title");
  public static final List<String> ENGAGEMENT = List.of("click", "form", "referral");

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String attribute;

  public String value;

  @Column(nullable = false)
  public int points;

  public boolean active = true;

  public boolean isFit() {
    return kind.equals("fit");
  }

  /** Message key of the attribute's name. */
  public String attributeKey() {
    return "score_attr_" + attribute;
  }
}
