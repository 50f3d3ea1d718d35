package io.loopcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.deal.LostReason;
import io.loopcrm.lead.LeadStatus;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an export's columns and cells are read, as plain rules (no application, no database): which
 * CRM and kind a header says, what each column fills, and the amounts, dates, statuses and lost
 * reasons the three CRMs write.
 */
class ImportMappingTest {
  private static List<String> header(String sample) throws Exception {
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/import-samples", sample));
        CSVParser p = ImportFile.FORMAT.parse(r)) {
      return p.iterator().next().toList().stream().map(c -> c.replace("\uFEFF", "")).toList();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "leads-salesforce.csv, lead, salesforce",
    "leads-hubspot.csv, lead, hubspot",
    "leads-odoo.csv, lead, odoo",
    "accounts-salesforce.csv, account, salesforce",
    "contacts-salesforce.csv, contact, salesforce",
    "opportunities-salesforce.csv, deal, salesforce",
    "companies-hubspot.csv, account, hubspot",
    "contacts-hubspot.csv, contact, hubspot",
    "deals-hubspot.csv, deal, hubspot",
    "contacts-odoo.csv, contact, odoo",
    "opportunities-odoo.csv, deal, odoo"
  })
  void aHeaderSaysItsKindAndItsCrm(String sample, String kind, String layout) throws Exception {
    assertThat(RecordLayouts.detect(header(sample)))
        .isEqualTo(new RecordLayouts.Detected(kind, layout));
  }

  @Test
  void aSalesforceOpportunityReportsColumnsFillADealsFields() throws Exception {
    List<String> header = header("opportunities-salesforce.csv");
    List<String> targets = RecordLayouts.mapping("deal", "salesforce", header);
    assertThat(targets).hasSameSizeAs(header);
    assertThat(targets.get(header.indexOf("Opportunity Name"))).isEqualTo("name");
    assertThat(targets.get(header.indexOf("Account Name"))).isEqualTo("account");
    assertThat(targets.get(header.indexOf("Amount"))).isEqualTo("amount");
    assertThat(targets.get(header.indexOf("Stage"))).isEqualTo("stage");
    assertThat(targets.get(header.indexOf("Close Date"))).isEqualTo("closeDate");
    assertThat(targets.get(header.indexOf("Opportunity Owner"))).isEqualTo("owner");
    assertThat(targets).allMatch(t -> RecordLayouts.targets("deal").contains(t));
    assertThat(targets.stream().filter(t -> !t.isEmpty()).distinct().count())
        .as("no target filled by two columns")
        .isEqualTo(targets.stream().filter(t -> !t.isEmpty()).count());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "48,000.00 | 48000.00",
        "¥360,000.00 | 360000.00",
        "7.500,00 | 7500.00",
        "1250,5 | 1250.50",
        "USD 900 | 900.00"
      })
  void amountsAreReadAsExportsWriteThem(String raw, String amount) {
    assertThat(RecordRow.amount(raw)).isEqualByComparingTo(amount);
  }

  @Test
  void negativeOrNonsenseAmountsAreNone() {
    assertThat(RecordRow.amount("-5")).isNull();
    assertThat(RecordRow.amount("soon")).isNull();
    assertThat(RecordRow.amount("1234567890123")).as("more than 12 whole digits").isNull();
  }

  @Test
  void createdDatesOfTheThreeCrmsAreMomentsInUtc() {
    assertThat(ImportDates.created("2024-02-11 09:15"))
        .isEqualTo(Instant.parse("2024-02-11T09:15:00Z"));
    assertThat(ImportDates.created("2024-02-12 10:00:00"))
        .isEqualTo(Instant.parse("2024-02-12T10:00:00Z"));
    assertThat(ImportDates.created("2025-01-05")).isEqualTo(Instant.parse("2025-01-05T00:00:00Z"));
    assertThat(ImportDates.created("3/31/2025")).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
    assertThat(ImportDates.created("yesterday")).isNull();
    assertThat(RecordRow.date("2025-03-31")).isEqualTo(LocalDate.of(2025, 3, 31));
  }

  @Test
  void otherCrmsStatusesBecomeOurs() {
    assertThat(ImportHistory.status("Open - Not Contacted")).isEqualTo(LeadStatus.NEW);
    assertThat(ImportHistory.status(" working - contacted ")).isEqualTo(LeadStatus.WORKING);
    assertThat(ImportHistory.status("Closed - Not Converted")).isEqualTo(LeadStatus.REJECTED);
    assertThat(ImportHistory.status("BAD_TIMING")).isEqualTo(LeadStatus.RECYCLED);
    assertThat(ImportHistory.status("Proposition")).isEqualTo(LeadStatus.QUALIFIED);
    assertThat(ImportHistory.status("converted")).as("a converted lead needs a deal").isNull();
    assertThat(ImportHistory.status("Waiting for Godot")).isNull();
  }

  @Test
  void aLostReasonInWordsBecomesOneOfOurs() {
    assertThat(DealStages.lostReason("Lost to a competitor")).isEqualTo(LostReason.COMPETITOR);
    assertThat(DealStages.lostReason("Too expensive")).isEqualTo(LostReason.PRICE);
    assertThat(DealStages.lostReason("budget cut")).isEqualTo(LostReason.NO_BUDGET);
    assertThat(DealStages.lostReason("竞争对手")).isEqualTo(LostReason.COMPETITOR);
    assertThat(DealStages.lostReason("no reason given")).isNull();
  }

  @Test
  void aHubSpotViewExportWithoutItsRecordIdIsHubSpotAndItsLifecycleStageIsTheStatus() {
    List<String> header =
        List.of(
            "First Name",
            "Last Name",
            "Email",
            "Company",
            "Phone",
            "Lifecycle Stage",
            "Create Date");
    assertThat(ImportLayout.detect(header)).isEqualTo("hubspot");
    assertThat(ImportLayout.mapping("hubspot", header))
        .containsExactly(
            "firstName", "lastName", "email", "company", "phone", "status", "createdDate");
    // with a lead status column, that one is the status and the lifecycle stage is left out
    List<String> both = List.of("First Name", "Last Name", "Lifecycle Stage", "Lead Status");
    assertThat(ImportLayout.mapping("hubspot", both))
        .containsExactly("firstName", "lastName", "", "status");
    // the eight lifecycle stages: the early ones wait for an answer, the later ones do not
    for (String early : List.of("Subscriber", "Lead", "marketingqualifiedlead", "Other")) {
      assertThat(ImportHistory.status(early)).as(early).isEqualTo(LeadStatus.NEW);
    }
    for (String late : List.of("Sales Qualified Lead", "opportunity", "Customer", "Evangelist")) {
      assertThat(ImportHistory.status(late)).as(late).isEqualTo(LeadStatus.QUALIFIED);
    }
  }
}
