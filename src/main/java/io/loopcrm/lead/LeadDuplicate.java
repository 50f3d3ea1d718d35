package io.loopcrm.lead;

import java.util.Optional;

/**
 * Another lead with the same person's address, found before a lead is typed in or edited: the lead
 * (with its owner) and which address matched, {@code email} or {@code phone}, for the message next
 * to that field.
 */
public record LeadDuplicate(Lead lead, String field) {

  /**
   * The oldest other lead with this normalised e-mail or phone (either may be null, {@code except}
   * is the lead being edited), so the original is named rather than a later copy.
   */
  public static Optional<LeadDuplicate> find(
      String emailNormalized, String phoneNormalized, Long except) {
    if (emailNormalized == null && phoneNormalized == null) {
      return Optional.empty();
    }
    return Lead.<Lead>find(
            "from Lead l left join fetch l.owner where (l.emailNormalized = ?1 or l.phoneNormalized = ?2)"
                + " and l.id <> ?3 order by l.id",
            emailNormalized == null ? "" : emailNormalized,
            phoneNormalized == null ? "" : phoneNormalized,
            except == null ? -1L : except)
        .firstResultOptional()
        .map(
            l ->
                new LeadDuplicate(
                    l,
                    emailNormalized != null && emailNormalized.equals(l.emailNormalized)
                        ? "email"
                        : "phone"));
  }

  /**
   * The other lead that already has the e-mail or phone {@code lead} would get by an edit: only an
   * address that changes is checked, so a lead that shares a phone from before still saves.
   */
  public static Optional<LeadDuplicate> afterEdit(Lead lead, String email, String phone) {
    String e = Lead.normalizeEmail(email);
    String p = Lead.normalizePhone(phone);
    return find(
        java.util.Objects.equals(e, lead.emailNormalized) ? null : e,
        java.util.Objects.equals(p, lead.phoneNormalized) ? null : p,
        lead.id);
  }

  /**
   * The oldest other lead with {@code lead}'s phone: a possible duplicate that {@link SamePerson}
   * kept apart for its other e-mail, named on the lead's page; one indexed query.
   */
  public static Optional<Lead> samePhone(Lead lead) {
    if (lead.phoneNormalized == null) {
      return Optional.empty();
    }
    return Lead.<Lead>find(
            "from Lead l left join fetch l.owner where l.phoneNormalized = ?1 and l.id <> ?2"
                + " order by l.id",
            lead.phoneNormalized,
            lead.id)
        .firstResultOptional();
  }
}
