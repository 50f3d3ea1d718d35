package io.loopcrm.ops;

import io.loopcrm.mail.ReceivedMail;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Mail that came to the reply address and answers nothing Loop sent (a new enquiry, a forwarded
 * message): the newest 50, as text, for operations to read and take up.
 */
@Path("/ops/mail/unmatched")
@RolesAllowed(Roles.OPERATIONS)
public class OpsUnmatchedMailResource {
  @Inject ReceivedMail received;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(List<ReceivedMail.Unmatched> items);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public TemplateInstance list() {
    return Templates.list(received.unmatched());
  }

  /** An attachment of an unmatched message; 404 once the message is filed on a record. */
  @GET
  @Path("/attachments/{id}")
  @Transactional
  public jakarta.ws.rs.core.Response attachment(@jakarta.ws.rs.PathParam("id") long id) {
    io.loopcrm.mail.MailAttachment.File file = io.loopcrm.mail.MailAttachment.content(id, false);
    if (file == null) {
      throw new io.loopcrm.common.NotFound();
    }
    return io.loopcrm.web.FileDownload.of(file.name(), file.content());
  }
}
