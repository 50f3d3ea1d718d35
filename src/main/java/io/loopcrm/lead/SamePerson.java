package io.loopcrm.lead;

/**
 * Whether a known lead is the person who writes in again, the one rule of every door that finds
 * known leads (the form, the API, referrals, imports): the same e-mail makes the same person; the
 * same phone does only when one of the two has no e-mail. A known phone with another e-mail is
 * another person (a shared office line, a family's phone, a number typed wrong): a lead of their
 * own, so the new e-mail is never folded into someone else's lead and lost; the lead's page names
 * the other lead with that phone as a possible duplicate ({@link LeadDuplicate#samePhone}).
 */
public final class SamePerson {
  private SamePerson() {}

  /**
   * Whether a lead with {@code knownEmail} that has the person's phone is the person, who wrote
   * {@code email} (both normalised, either may be null).
   */
  public static boolean byPhone(String knownEmail, String email) {
    return knownEmail == null || email == null || knownEmail.equals(email);
  }
}
