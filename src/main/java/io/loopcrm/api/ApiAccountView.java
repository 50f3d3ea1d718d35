package io.loopcrm.api;

import io.loopcrm.customer.Account;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account (a customer company) as the API and the webhooks show it. */
@Schema(name = "Account")
public record ApiAccountView(
    long id,
    String name,
    String domain,
    String industry,
    String region,
    Long ownerId,
    String owner,
    Instant createdAt,
    long version) {

  public static ApiAccountView of(Account a) {
    return new ApiAccountView(
        a.id,
        a.name,
        a.domain,
        a.industry,
        a.region,
        a.owner == null ? null : a.owner.id,
        a.owner == null ? null : a.owner.displayName,
        a.createdAt,
        a.version);
  }
}
