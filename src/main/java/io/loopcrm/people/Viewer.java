package io.loopcrm.people;

import java.util.Set;

/**
 * Who is looking, as far as record visibility goes: a rep sees their own records, a sales manager
 * their team's, operations and admin everything (read-only outside their own screens).
 */
public record Viewer(long memberId, Long teamId, Set<String> roles) {

  /**
   * What {@code member} sees of their own records as a rep, whatever else their roles allow: the
   * view a record handed to them may open, and no more.
   */
  public static Viewer ownRecordsOf(Member member) {
    return new Viewer(member.id, member.team == null ? null : member.team.id, Set.of(Roles.SALES));
  }

  public boolean seesAll() {
    return roles.contains(Roles.OPERATIONS) || roles.contains(Roles.ADMIN);
  }

  public boolean isManager() {
    return roles.contains(Roles.SALES_MANAGER);
  }

  /** Whether records owned by {@code owner} are visible. */
  public boolean sees(Member owner) {
    if (seesAll()) {
      return true;
    }
    if (owner == null) {
      return false;
    }
    if (owner.id == memberId) {
      return true;
    }
    return isManager() && teamId != null && owner.team != null && teamId.equals(owner.team.id);
  }

  /**
   * Whether a manager may hand records to {@code member} or set their quota: an enabled sales
   * member of the manager's own team.
   */
  public boolean managesMember(Member member) {
    return isManager()
        && member != null
        && member.isAssignable()
        && member.team != null
        && teamId != null
        && teamId.equals(member.team.id);
  }

  /**
   * Whether sales fields of records owned by {@code owner} may be changed (never by operations or
   * admin).
   */
  public boolean edits(Member owner) {
    if (!roles.contains(Roles.SALES) && !isManager()) {
      return false;
    }
    if (owner == null) {
      return false;
    }
    if (owner.id == memberId) {
      return true;
    }
    return isManager() && teamId != null && owner.team != null && teamId.equals(owner.team.id);
  }
}
