package io.loopcrm.web;

import io.loopcrm.people.DisabledMembers;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request of a user an admin has disabled, from the very next request on, even while
 * their session cookie or token is still valid.
 */
public class DisabledUserFilter {
  @Inject SecurityIdentity identity;
  @Inject DisabledMembers disabled;

  @ServerRequestFilter
  public void refuseDisabled() {
    if (!identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken token
        && disabled.isDisabled(token.getSubject())) {
      throw new ForbiddenException("account disabled");
    }
  }
}
