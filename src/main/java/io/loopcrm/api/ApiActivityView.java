package io.loopcrm.api;

import io.loopcrm.activity.Activity;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activity (a call, e-mail, meeting, note, or a task) as the API shows it. */
@Schema(name = "Activity")
public record ApiActivityView(
    long id,
    @Schema(description = "call, email, meeting, note or task") String kind,
    String subject,
    String notes,
    @Schema(description = "A task's due time") Instant dueAt,
    @Schema(description = "When it was done; null for an open task") Instant doneAt,
    Long ownerId,
    String owner,
    Long leadId,
    Long dealId,
    Long contactId,
    Instant createdAt) {

  public static ApiActivityView of(Activity a) {
    return new ApiActivityView(
        a.id,
        a.kind.param(),
        a.subject,
        a.notes,
        a.dueAt,
        a.doneAt,
        a.owner == null ? null : a.owner.id,
        a.owner == null ? null : a.owner.displayName,
        a.lead == null ? null : a.lead.id,
        a.deal == null ? null : a.deal.id,
        a.contact == null ? null : a.contact.id,
        a.createdAt);
  }
}
