package io.loopcrm.mail;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail an admin writes once for the reps, in one language, with merge fields that each e-mail
 * fills from its record: {@code {firstName}}, {@code {lastName}}, {@code {company}}, {@code
 * {repName}}, {@code {repEmail}}. A field the record lacks becomes empty; anything else in braces
 * stays as written.
 */
@Entity
@Table(name = "mail_template")
public class MailTemplate extends PanacheEntity implements Audited {
  /** The merge fields, in the order the admin page lists them. */
  public static final List<String> FIELDS =
      List.of("firstName", "lastName", "company", "repName", "repEmail");

  public static final List<String> LANGUAGES = List.of("en", "zh-CN");

  private static final Pattern FIELD = Pattern.compile("\\{(\\w+)\\}");

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String language;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String body;

  public boolean archived;

  @Version public long version;

  /** The templates a rep may choose: in use, the reader's language first, then by name. */
  public static List<MailTemplate> inUse(String language) {
    return list(
        "archived = false order by case when language = ?1 then 0 else 1 end, lower(name)",
        language);
  }

  /** Every template, archived ones last. */
  public static List<MailTemplate> all() {
    return list("order by archived, lower(name)");
  }

  /** {@code text} with each merge field replaced by its value ({@code values}, missing: empty). */
  public static String fill(String text, Map<String, String> values) {
    Matcher m = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = FIELDS.contains(name) ? values.getOrDefault(name, "") : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
