package io.loopcrm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the API's writes as its description names them. The resources read a body field by
 * field ({@link ApiBody}) with the pages' forms, so that each wrong field is named; these records
 * only describe what they take.
 */
final class ApiBodies {
  private ApiBodies() {}

  @Schema(name = "AccountCreate", description = "A new account; a known web domain is refused.")
  record AccountCreate(
      @Schema(required = true, maxLength = 200) String name,
      @Schema(description = "A web domain like example.com (kept without scheme or www.)")
          String domain,
      @Schema(maxLength = 60) String industry,
      @Schema(maxLength = 60) String region,
      @Schema(description = "A member in sales (GET /api/members)") Long ownerId) {}

  @Schema(name = "AccountChange", description = "A JSON merge patch of an account.")
  record AccountChange(String name, String domain, String industry, String region) {}

  @Schema(name = "ContactCreate", description = "A new contact; a known e-mail is refused.")
  record ContactCreate(
      @Schema(required = true) Long accountId,
      @Schema(maxLength = 100) String firstName,
      @Schema(required = true, maxLength = 100) String lastName,
      @Schema(maxLength = 254) String email,
      @Schema(maxLength = 50) String phone,
      @Schema(maxLength = 200) String title,
      @Schema(description = "A member in sales; the account's owner if left out") Long ownerId) {}

  @Schema(name = "ContactChange", description = "A JSON merge patch of a contact.")
  record ContactChange(
      String firstName, String lastName, String email, String phone, String title) {}

  @Schema(name = "DealCreate", description = "A new deal on an account.")
  record DealCreate(
      @Schema(required = true, maxLength = 200) String name,
      @Schema(required = true) Long accountId,
      BigDecimal amount,
      @Schema(description = "One of the admin's currencies; the first if left out") String currency,
      LocalDate expectedClose,
      @Schema(description = "A contact of the account") Long contactId,
      @Schema(description = "An open stage; the first if left out") Long stageId,
      @Schema(description = "A member in sales; the account's owner if left out") Long ownerId) {}

  @Schema(
      name = "DealChange",
      description =
          "A JSON merge patch of a deal; stageId with lostReason and competitor moves it: won needs"
              + " an amount and a close date, lost a reason.")
  record DealChange(
      String name,
      BigDecimal amount,
      String currency,
      LocalDate expectedClose,
      @Schema(description = "0-100; null: the stage's") Integer probability,
      String nextStep,
      Long stageId,
      String lostReason,
      String competitor) {}

  @Schema(name = "LeadChange", description = "A JSON merge patch of a lead's person fields.")
  record LeadChange(
      String firstName,
      String lastName,
      String company,
      String title,
      String email,
      String phone,
      String region,
      String segment,
      String industry,
      String companySize) {}

  @Schema(name = "ActivityCreate", description = "An activity on one lead, deal or contact.")
  record ActivityCreate(
      @Schema(required = true, description = "call, email, meeting, note or task") String kind,
      @Schema(required = true, maxLength = 200) String subject,
      String notes,
      @Schema(description = "A task's due time, required for a task") OffsetDateTime dueAt,
      Long leadId,
      Long dealId,
      Long contactId,
      @Schema(description = "A member in sales; the record's owner if left out") Long ownerId) {}

  @Schema(name = "TaskChange", description = "Marks a task done (true) or open (false).")
  record TaskChange(@Schema(required = true) Boolean done) {}

  @Schema(name = "CampaignCreate", description = "A new campaign: a draft with variant A.")
  record CampaignCreate(
      @Schema(required = true, maxLength = 200) String name,
      @Schema(
              required = true,
              description = "acquisition, activation, retention, revenue, referral")
          String objective,
      @Schema(required = true, description = "One of the channels (e.g. email, search, social)")
          String channel,
      LocalDate startsOn,
      LocalDate endsOn,
      BigDecimal budget,
      String currency,
      String targetRegion,
      String targetIndustry,
      String targetCompanySize,
      Integer goalLeads,
      Integer goalActivated,
      Integer goalRetained,
      BigDecimal goalRevenue,
      Integer goalReferrals,
      @Schema(description = "The member who runs it") Long ownerId,
      @Schema(description = "A campaign this one belongs to") Long parentId,
      @Schema(description = "The audience it reaches") Long audienceId) {}

  @Schema(
      name = "CampaignChange",
      description = "A JSON merge patch of a campaign; status moves it along its lifecycle.")
  record CampaignChange(
      String name,
      String objective,
      String channel,
      LocalDate startsOn,
      LocalDate endsOn,
      BigDecimal budget,
      String currency,
      String targetRegion,
      String targetIndustry,
      String targetCompanySize,
      Integer goalLeads,
      Integer goalActivated,
      Integer goalRetained,
      BigDecimal goalRevenue,
      Integer goalReferrals,
      Long ownerId,
      Long parentId,
      Long audienceId,
      @Schema(description = "draft, scheduled, active, paused or completed") String status) {}

  @Schema(name = "VariantFields", description = "A variant's copy, pages and traffic weight.")
  record VariantFields(
      @Schema(maxLength = 100, description = "Required for a new variant") String name,
      @Schema(maxLength = 300) String headline,
      @Schema(maxLength = 10000) String body,
      @Schema(maxLength = 120) String callToAction,
      String landingUrl,
      String thankYouUrl,
      @Schema(description = "Share of the split link's traffic, 0-100") Integer weight) {}
}
