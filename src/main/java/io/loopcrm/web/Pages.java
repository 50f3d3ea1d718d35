package io.loopcrm.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders a page with a status other than 200 (a form with errors, a conflict) in the user's
 * language.
 */
@ApplicationScoped
public class Pages {
  @Inject RequestLocale locale;

  public Response withStatus(int status, TemplateInstance page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(page.setLocale(locale.get()).render())
        .build();
  }
}
