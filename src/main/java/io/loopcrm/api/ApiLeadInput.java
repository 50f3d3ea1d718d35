package io.loopcrm.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as an integration sends it. */
@Schema(name = "LeadInput")
public record ApiLeadInput(
    String firstName,
    @Schema(required = true) String lastName,
    String email,
    String phone,
    String company,
    String title,
    String region,
    String segment,
    String industry,
    String companySize,
    String source,
    @Schema(description = "Tracking code of the campaign variant the lead responded to")
        String variantCode,
    String utmSource,
    String utmMedium,
    String utmCampaign) {}
