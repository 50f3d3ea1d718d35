package io.loopcrm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.web.FormErrors;
import org.junit.jupiter.api.Test;

/** The public form's checks on their own (no referral code, so no database). */
class FormInputTest {

  static FormInput form(String lastName, String email, String phone) {
    FormInput in = new FormInput();
    in.lastName = lastName;
    in.email = email;
    in.phone = phone;
    return in;
  }

  @Test
  void aLastNameAndAWayToAnswerAreNeeded() {
    FormErrors errors = form(" ", null, " ").errors();
    assertThat(errors.get("lastName")).isEqualTo("error_required");
    assertThat(errors.get("email")).isEqualTo("form_error_contact");
    assertThat(form("Lima", null, "+55 11 5555-0100").errors().isEmpty()).isTrue();
  }

  @Test
  void badAnswersAreNamedAndKeptClippedForTheSecondTry() {
    FormInput in = form("L".repeat(150), "not-an-address", "12-3");
    in.companySize = "huge";
    in.utmSource = " " + "s".repeat(300);
    FormErrors errors = in.errors();
    assertThat(errors.get("lastName")).isEqualTo("form_error_too_long");
    assertThat(errors.get("email")).isEqualTo("error_email");
    assertThat(errors.get("phone")).isEqualTo("form_error_phone");
    assertThat(errors.get("companySize")).isEqualTo("form_error_company_size");
    assertThat(in.values().get("lastName")).hasSize(100);
    assertThat(in.values().get("utm_source")).hasSize(200).doesNotStartWith(" ");
  }

  @Test
  void theSubmissionCarriesTrimmedAnswersAndTheSource() {
    FormInput in = form(" Lima ", " ana@example.com ", null);
    in.company = " Lima Labs ";
    in.utmCampaign = "spring";
    assertThat(in.errors().isEmpty()).isTrue();
    LeadCapture.Submission s = in.submission();
    assertThat(s.lastName()).isEqualTo("Lima");
    assertThat(s.email()).isEqualTo("ana@example.com");
    assertThat(s.company()).isEqualTo("Lima Labs");
    assertThat(s.phone()).isNull();
    assertThat(s.source()).isEqualTo("web_form");
    assertThat(s.utmCampaign()).isEqualTo("spring");
  }

  @Test
  void theHoneypotMarksABot() {
    FormInput in = form("Lima", "ana@example.com", null);
    assertThat(in.isBot()).isFalse();
    in.website = "https://spam.example";
    assertThat(in.isBot()).isTrue();
  }
}
