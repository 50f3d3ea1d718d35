package io.loopcrm.web;

import io.loopcrm.people.DisabledMembers;
import io.loopcrm.people.SessionEnds;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request of a user an admin has disabled, from the very next request on, even while
 * their session cookie or token is still valid; and sends a session that is over ({@link
 * SessionEnds}: signed out, or ended by an admin's change of the person's roles) to sign in again,
 * so a copied cookie stops working at sign-out and new roles apply from the next request.
 */
public class DisabledUserFilter {
  @Inject SecurityIdentity identity;
  @Inject DisabledMembers disabled;
  @Inject SessionEnds sessions;

  @ServerRequestFilter
  public void refuseDisabled() {
    if (!identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken token
        && disabled.isDisabled(token.getSubject())) {
      throw new ForbiddenException("account disabled");
    }
    if (!identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken token
        && sessions.isOver(token.getClaim("sid"))) {
      throw new UnauthorizedException("session ended");
    }
  }
}
