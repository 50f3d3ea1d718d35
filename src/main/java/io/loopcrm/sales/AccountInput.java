package io.loopcrm.sales;

import io.loopcrm.customer.Account;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The account form as posted (new and edit); lengths follow the columns. */
public class AccountInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 200, message = "error_too_long_200")
  public String name;

  @RestForm
  @Size(max = 200, message = "error_too_long_200")
  @Pattern(
      regexp = "\\s*((https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}/?)?\\s*",
      message = "error_domain")
  public String domain;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String industry;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String region;

  @RestForm public String version;

  public static AccountInput of(Account a) {
    AccountInput in = new AccountInput();
    in.name = a.name;
    in.domain = a.domain;
    in.industry = a.industry;
    in.region = a.region;
    in.version = Long.toString(a.version);
    return in;
  }

  public FormErrors errors(Validator validator) {
    return FormErrors.of(validator.validate(this));
  }

  /** The web domain as accounts keep it: lower case, without scheme, "www." or trailing slash. */
  public String normalizedDomain() {
    return Account.normalizeDomain(domain);
  }

  public void applyTo(Account a) {
    a.name = name.trim();
    a.domain = normalizedDomain();
    a.industry = industry == null || industry.isBlank() ? null : industry.trim();
    a.region = region == null || region.isBlank() ? null : region.trim();
  }

  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("name", name == null ? "" : name);
    v.put("domain", domain == null ? "" : domain);
    v.put("industry", industry == null ? "" : industry);
    v.put("region", region == null ? "" : region);
    v.put("version", version == null ? "" : version);
    return v;
  }
}
