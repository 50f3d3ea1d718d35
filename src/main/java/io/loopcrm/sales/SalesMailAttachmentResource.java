package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.common.NotFound;
import io.loopcrm.mail.MailAttachment;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.FileDownload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * An attachment of a reply on a record's timeline, for whoever may open the record; 404 for anyone
 * else, as for the record itself.
 */
@Path("/sales/mail/attachments/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesMailAttachmentResource {
  @Inject CurrentMember me;

  @GET
  @Transactional
  public Response download(@PathParam("id") long id) {
    Long activity = MailAttachment.activityOf(id);
    if (activity == null) {
      throw new NotFound();
    }
    Activity.findVisible(activity, me.viewer());
    MailAttachment.File file = MailAttachment.content(id, true);
    if (file == null) {
      throw new NotFound();
    }
    return FileDownload.of(file.name(), file.content());
  }
}
