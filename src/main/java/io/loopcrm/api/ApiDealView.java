package io.loopcrm.api;

import io.loopcrm.deal.Deal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deal as the API and the webhooks show it; {@code status} is open, won or lost. */
@Schema(name = "Deal")
public record ApiDealView(
    long id,
    String name,
    Long accountId,
    Long contactId,
    Long leadId,
    Long ownerId,
    String owner,
    Long stageId,
    String stage,
    String status,
    BigDecimal amount,
    String currency,
    int probability,
    LocalDate expectedClose,
    Instant closedAt,
    String lostReason,
    String competitor,
    String nextStep,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static ApiDealView of(Deal d) {
    return new ApiDealView(
        d.id,
        d.name,
        d.account == null ? null : d.account.id,
        d.contact == null ? null : d.contact.id,
        d.lead == null ? null : d.lead.id,
        d.owner == null ? null : d.owner.id,
        d.owner == null ? null : d.owner.displayName,
        d.stage == null ? null : d.stage.id,
        d.stage == null ? null : d.stage.name,
        d.status.name().toLowerCase(java.util.Locale.ROOT),
        d.amount,
        d.currency,
        d.probability,
        d.expectedClose,
        d.closedAt,
        d.lostReason,
        d.competitor,
        d.nextStep,
        d.createdAt,
        d.updatedAt,
        d.version);
  }
}
