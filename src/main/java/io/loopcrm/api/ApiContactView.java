package io.loopcrm.api;

import io.loopcrm.customer.Contact;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact (a person at an account) as the API and the webhooks show it. */
@Schema(name = "Contact")
public record ApiContactView(
    long id,
    Long accountId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String title,
    Long ownerId,
    String owner,
    Instant createdAt,
    long version) {

  public static ApiContactView of(Contact c) {
    return new ApiContactView(
        c.id,
        c.account == null ? null : c.account.id,
        c.firstName,
        c.lastName,
        c.email,
        c.phone,
        c.title,
        c.owner == null ? null : c.owner.id,
        c.owner == null ? null : c.owner.displayName,
        c.createdAt,
        c.version);
  }
}
