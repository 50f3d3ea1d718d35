package io.loopcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadStatusTest {

  @Test
  void aNewLeadIsAnsweredBeforeItIsWorked() {
    assertThat(LeadStatus.ASSIGNED.awaitsResponse()).isTrue();
    assertThat(LeadStatus.ASSIGNED.canMoveTo(LeadStatus.ACCEPTED)).isTrue();
    assertThat(LeadStatus.ASSIGNED.canMoveTo(LeadStatus.REJECTED)).isTrue();
    assertThat(LeadStatus.ASSIGNED.canMoveTo(LeadStatus.WORKING)).isFalse();
    assertThat(LeadStatus.ASSIGNED.isConvertible()).isFalse();
  }

  @Test
  void acceptedLeadsAreWorkedQualifiedRecycledOrConverted() {
    assertThat(LeadStatus.ACCEPTED.canMoveTo(LeadStatus.WORKING)).isTrue();
    assertThat(LeadStatus.WORKING.canMoveTo(LeadStatus.QUALIFIED)).isTrue();
    assertThat(LeadStatus.QUALIFIED.isConvertible()).isTrue();
    assertThat(LeadStatus.RECYCLED.canMoveTo(LeadStatus.WORKING)).isTrue();
    assertThat(LeadStatus.CONVERTED.canMoveTo(LeadStatus.WORKING)).isFalse();
  }

  @Test
  void acceptAndRejectRecordTheFirstResponseOnce() {
    Lead lead = new Lead();
    lead.status = LeadStatus.ASSIGNED;
    Instant first = Instant.parse("2026-11-27T10:00:00Z");
    lead.reject(RejectReason.SPAM.code(), 1, first);
    assertThat(lead.status).isEqualTo(LeadStatus.REJECTED);
    assertThat(lead.rejectReason).isEqualTo("spam");
    assertThat(lead.firstResponseAt).isEqualTo(first);
    assertThatThrownBy(() -> lead.accept(3, first.plusSeconds(60)))
        .isInstanceOf(Lead.IllegalLeadMove.class);
    lead.moveTo(LeadStatus.WORKING);
    assertThat(lead.firstResponseAt).isEqualTo(first);
  }

  @Test
  void aLoggedCallIsTheFirstResponseButATaskIsNot() {
    Lead lead = new Lead();
    lead.status = LeadStatus.ASSIGNED;
    Instant task = Instant.parse("2026-11-27T09:00:00Z");
    lead.contacted(true, task);
    assertThat(lead.firstResponseAt).isNull();
    Instant call = Instant.parse("2026-11-27T09:30:00Z");
    lead.contacted(false, call);
    lead.contacted(false, call.plusSeconds(600));
    assertThat(lead.firstResponseAt).isEqualTo(call);
  }

  @Test
  void phonesAndEmailsAreNormalisedForDeduplication() {
    assertThat(Lead.normalizeEmail("  Li.Wang@Example.COM ")).isEqualTo("li.wang@example.com");
    assertThat(Lead.normalizePhone("+86 (21) 5550-1000")).isEqualTo("+862155501000");
    assertThat(Lead.normalizeEmail(" ")).isNull();
  }
}
