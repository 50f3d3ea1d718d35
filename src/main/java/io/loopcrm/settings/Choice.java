package io.loopcrm.settings;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Currency;
import java.util.Locale;

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

  /** The list this value belongs to. */
  public ChoiceList choiceList() {
    return ChoiceList.fromCode(list);
  }

  /** The position after the list's last value. */
  public static int nextPosition(ChoiceList list) {
    Integer last =
        getEntityManager()
            .createQuery("select max(c.position) from Choice c where c.list = ?1", Integer.class)
            .setParameter(1, list.code())
            .getSingleResult();
    return last == null ? 1 : last + 1;
  }

  /** Whether the list already has this code or, whatever its case, this name. */
  public static boolean exists(ChoiceList list, String code, String label) {
    return count(
            "list = ?1 and (code = ?2 or lower(label) = ?3)",
            list.code(),
            code,
            label.toLowerCase(Locale.ROOT))
        > 0;
  }

  /** Whether records hold this value: then it is archived, not deleted. */
  public boolean isUsed() {
    String sql =
        switch (choiceList()) {
          case REJECT_REASON -> "select count(*) from lead where reject_reason = ?1";
          case LOST_REASON -> "select count(*) from deal where lost_reason = ?1";
          case COMPETITOR -> "select count(*) from deal where lower(competitor) = lower(?1)";
          case CURRENCY ->
              "select (select count(*) from deal where currency = ?1)"
                  + " + (select count(*) from quota where currency = ?1)"
                  + " + (select count(*) from campaign where currency = ?1)";
        };
    String value = choiceList() == ChoiceList.COMPETITOR && label != null ? label : code;
    return (Long)
            getEntityManager()
                .createNativeQuery(sql, Long.class)
                .setParameter(1, value)
                .getSingleResult()
        > 0;
  }

  /** A stable code for an admin's value: the label's letters and digits, or "custom_" + time. */
  public static String slug(String label) {
    String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    if (s.isEmpty() || s.length() > 50) {
      s = "custom_" + Long.toString(System.nanoTime(), 36);
    }
    return s;
  }

  /** Whether this is an ISO 4217 currency code Java knows, in capitals. */
  public static boolean isCurrencyCode(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
