package io.loopcrm.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * An attachment of a received e-mail, as the pages list it: name, type and size (its content is
 * read only to download it, {@link #content}). Written by {@link ReceivedMail} when the message is
 * taken, never changed.
 */
@Entity
@Table(name = "mail_attachment")
@Immutable
public class MailAttachment extends PanacheEntityBase {
  @Id public long id;

  public long receivedMailId;

  /** The timeline entry of the reply it came with; null while the message is unmatched. */
  @jakarta.persistence.Column(name = "activity_id")
  public Long activityId;

  public String fileName;
  public String contentType;
  public long sizeBytes;

  /** False when it was larger than the limit: named, not kept. */
  public boolean kept;

  /** Its size as people read it: 512 B, 14 KB, 3.2 MB. */
  public String getSize() {
    if (sizeBytes < 1024) {
      return sizeBytes + " B";
    }
    if (sizeBytes < 1024 * 1024) {
      return Math.round(sizeBytes / 1024.0) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
  }

  /** A file as a download offers it. */
  public record File(String name, byte[] content) {}

  /**
   * The content of attachment {@code id} when it was kept and came with a filed reply ({@code
   * filed}) or with an unmatched message (not {@code filed}); null otherwise. Who may read the
   * message is the caller's rule.
   */
  @SuppressWarnings("unchecked")
  public static File content(long id, boolean filed) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select a.file_name, a.content from mail_attachment a"
                    + " join received_mail m on m.id = a.received_mail_id"
                    + " where a.id = :id and a.content is not null and (m.activity_id is not null) = :filed")
            .setParameter("id", id)
            .setParameter("filed", filed)
            .getResultList();
    return rows.isEmpty() ? null : new File((String) rows.get(0)[0], (byte[]) rows.get(0)[1]);
  }

  /** The attachments of these received messages, in the order they came. */
  public static List<MailAttachment> ofMessages(List<Long> receivedMailIds) {
    return receivedMailIds.isEmpty()
        ? List.of()
        : list("receivedMailId in ?1 order by id", receivedMailIds);
  }

  /** The timeline entry's id for an attachment; null while unmatched. */
  public static Long activityOf(long id) {
    MailAttachment a = findById(id);
    return a == null ? null : a.activityId;
  }
}
