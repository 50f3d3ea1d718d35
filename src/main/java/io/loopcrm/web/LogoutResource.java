package io.loopcrm.web;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing out: a POST with the CSRF token (the navbar's button), so that no link, image or other
 * site can sign a user out. It ends the app's session (its cookie, and on the server: {@link
 * io.loopcrm.people.SessionEnds}) and then Keycloak's, which returns the browser to {@code
 * /signed-out}. A GET asks first.
 */
@Path("/logout")
@PermitAll
public class LogoutResource {
  @Inject SecurityIdentity identity;
  @Inject OidcSession session;
  @Inject OidcConfigurationMetadata provider;
  @Inject io.loopcrm.people.SessionEnds sessions;
  @Context UriInfo uri;

  @ConfigProperty(name = "quarkus.oidc.client-id")
  String clientId;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance confirm();
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response ask() {
    if (identity.isAnonymous()) {
      return Response.seeOther(URI.create("/signed-out")).build();
    }
    return Response.ok(Templates.confirm()).build();
  }

  @POST
  public Response signOut() {
    if (identity.isAnonymous()) {
      return Response.seeOther(URI.create("/signed-out")).build();
    }
    String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
    String endSession = provider == null ? null : provider.getEndSessionUri();
    if (session.getIdToken() != null) {
      // ended on the server too: a copy of the cookie answers "sign in" from now on
      sessions.end(session.getIdToken().getClaim("sid"));
    }
    session.logout().await().indefinitely();
    if (idToken == null || endSession == null) {
      // no single sign-on session to end (or no provider that ends one): the app's is gone
      return Response.seeOther(URI.create("/signed-out")).build();
    }
    URI back = uri.getBaseUriBuilder().path("signed-out").build();
    URI keycloak =
        UriBuilder.fromUri(endSession)
            .queryParam("client_id", clientId)
            .queryParam("id_token_hint", idToken)
            .queryParam("post_logout_redirect_uri", back)
            .build();
    return Response.seeOther(keycloak).build();
  }
}
