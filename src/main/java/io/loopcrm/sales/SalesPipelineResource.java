package io.loopcrm.sales;

import io.loopcrm.deal.Board;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The pipeline board: drag a card (htmx) or use the card's form to move a deal between stages. */
@Path("/sales/pipeline")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesPipelineResource {
  @Inject CurrentMember me;
  @Inject Board board;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance board(List<Board.Column> columns, boolean team, boolean manager);

    static native TemplateInstance board$columns(
        List<Board.Column> columns, boolean team, boolean manager);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(
      @QueryParam("team") boolean team, @HeaderParam("HX-Request") boolean htmx) {
    Viewer viewer = me.viewer();
    List<Board.Column> columns = board.columns(viewer, team, monthStart());
    return htmx
        ? Templates.board$columns(columns, team, viewer.isManager())
        : Templates.board(columns, team, viewer.isManager());
  }

  /**
   * Moves a card. Won and lost need details the card does not have: the deal page asks for them.
   */
  @POST
  @Path("move")
  @Transactional
  public Response move(
      @RestForm long deal,
      @RestForm long stage,
      @RestForm boolean team,
      @HeaderParam("HX-Request") boolean htmx) {
    Viewer viewer = me.viewer();
    Deal d = Deal.findEditable(deal, viewer);
    PipelineStage target = PipelineStage.findById(stage);
    if (target == null) {
      throw new NotFoundException();
    }
    String back = "/sales/pipeline" + (team ? "?team=true" : "");
    try {
      d.moveTo(target, me.get(), Instant.now(clock), null, null);
    } catch (Deal.DealRuleViolation needsDetails) {
      URI dealPage = URI.create("/sales/deals/" + d.id + "?stage=" + target.id + "#stage");
      return htmx
          ? Response.ok().header("HX-Redirect", dealPage.toString()).build()
          : Flash.redirect(dealPage, "warning", needsDetails.messageKey);
    }
    if (htmx) {
      d.flush();
      return Response.ok(
              Templates.board$columns(
                  board.columns(viewer, team, monthStart()), team, viewer.isManager()))
          .build();
    }
    return Flash.redirect(URI.create(back), "success", "deal_flash_moved");
  }

  private Instant monthStart() {
    return LocalDate.now(clock).withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant();
  }
}
