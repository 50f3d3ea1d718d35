package io.loopcrm.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** Refreshes the local member mirror from the ID token each time somebody signs in. */
@ApplicationScoped
public class MemberSync {
  private static final Logger LOG = Logger.getLogger(MemberSync.class);

  @jakarta.inject.Inject DisabledMembers disabled;

  void onLogin(@ObservesAsync SecurityEvent event) {
    if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN) {
      return;
    }
    SecurityIdentity identity = event.getSecurityIdentity();
    if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> refresh(identity, token));
    } catch (RuntimeException e) {
      if (!CurrentMember.duplicate(e)) {
        throw e;
      }
      // the first page of a first sign-in made the row meanwhile: refresh that one
      QuarkusTransaction.requiringNew().run(() -> refresh(identity, token));
    }
  }

  private void refresh(SecurityIdentity identity, JsonWebToken token) {
    Member member = Member.findBySubject(token.getSubject()).orElseGet(Member::new);
    member.subject = token.getSubject();
    member.username = firstNonBlank(token.getClaim("preferred_username"), token.getSubject());
    member.displayName = firstNonBlank(token.getClaim("name"), member.username);
    member.email = token.getClaim("email");
    member.replaceRoles(identity.getRoles());
    member.lastLoginAt = Instant.now();
    // Keycloak lets only enabled users sign in
    member.enabled = true;
    member.persist();
    disabled.set(member.subject, true);
    LOG.debugf("member %s refreshed at sign-in", member.username);
  }

  private static String firstNonBlank(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }
}
