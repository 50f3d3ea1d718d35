package io.loopcrm.lead;

import io.loopcrm.funnel.LowerCaseEnumConverter;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands. The allowed moves between statuses live in {@link LeadStatus#canMoveTo}. */
public enum LeadStatus {
  NEW,
  ASSIGNED,
  WORKING,
  ACCEPTED,
  REJECTED,
  QUALIFIED,
  CONVERTED,
  RECYCLED;

  /** A lead waiting for its rep's first response: accept or reject. */
  public boolean awaitsResponse() {
    return this == NEW || this == ASSIGNED;
  }

  /** Whether a rep may move a lead from this status to {@code next}. */
  public boolean canMoveTo(LeadStatus next) {
    return allowedNext().contains(next);
  }

  Set<LeadStatus> allowedNext() {
    return switch (this) {
      case NEW, ASSIGNED -> EnumSet.of(ACCEPTED, REJECTED);
      case ACCEPTED -> EnumSet.of(WORKING, QUALIFIED, RECYCLED, CONVERTED);
      case WORKING -> EnumSet.of(QUALIFIED, RECYCLED, CONVERTED);
      case QUALIFIED -> EnumSet.of(WORKING, RECYCLED, CONVERTED);
      case RECYCLED, REJECTED -> EnumSet.of(WORKING);
      case CONVERTED -> EnumSet.noneOf(LeadStatus.class);
    };
  }

  public boolean isConvertible() {
    return canMoveTo(CONVERTED);
  }

  public String param() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Message key of the button that moves a lead to this status. */
  public String actionKey() {
    return "lead_action_" + param();
  }

  /** Bootstrap classes of the status badge. */
  public String badgeClass() {
    return switch (this) {
      case NEW, ASSIGNED -> "text-bg-primary";
      case WORKING, ACCEPTED -> "text-bg-info";
      case QUALIFIED -> "text-bg-warning";
      case CONVERTED -> "text-bg-success";
      case REJECTED -> "text-bg-danger";
      case RECYCLED -> "text-bg-secondary";
    };
  }

  public String labelKey() {
    return "lead_status_" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Database column mapping. */
  @Converter(autoApply = true)
  public static class Column extends LowerCaseEnumConverter<LeadStatus> {
    public Column() {
      super(LeadStatus.class);
    }
  }
}
