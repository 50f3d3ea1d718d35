package io.loopcrm.sales;

import io.loopcrm.deal.Board;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
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

  @Inject io.loopcrm.deal.PipelineStages stages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance board(BoardPage page);

    static native TemplateInstance board$columns(BoardPage page);

    static native TemplateInstance board$more(
        BoardPage page, Board.Column column, io.loopcrm.deal.PipelineStages.Stage stage);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(
      @QueryParam("team") boolean team,
      @QueryParam("rep") Long rep,
      @HeaderParam("HX-Request") boolean htmx) {
    BoardPage page = page(scope(team, rep));
    return htmx ? Templates.board$columns(page) : Templates.board(page);
  }

  /** The next cards of one column (htmx "show more"). */
  @GET
  @Path("more")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance more(
      @QueryParam("stage") long stage,
      @QueryParam("team") boolean team,
      @QueryParam("rep") Long rep,
      @QueryParam("after") String after) {
    Board.Scope scope = scope(team, rep);
    var column =
        stages.all().stream()
            .filter(s -> s.id() == stage)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    BoardPage page =
        new BoardPage(List.of(), stages.all(), scope, me.viewer().isManager(), List.of());
    return Templates.board$more(page, board.more(me.viewer(), scope, column, after), column);
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
      @RestForm Long rep,
      @HeaderParam("HX-Request") boolean htmx) {
    Viewer viewer = me.viewer();
    Deal d = Deal.findEditable(deal, viewer);
    PipelineStage target = PipelineStage.findById(stage);
    if (target == null) {
      throw new NotFoundException();
    }
    Board.Scope scope = scope(team, rep);
    String back = "/sales/pipeline?" + page(scope).getQuery();
    try {
      d.moveTo(target, me.get(), Instant.now(clock), null, null);
    } catch (io.loopcrm.deal.DealRuleViolation needsDetails) {
      URI dealPage = URI.create(SalesPaths.dealPath(d.id) + "?stage=" + target.id + "#stage");
      return Flash.redirect(dealPage, "warning", needsDetails.messageKey, htmx);
    }
    if (htmx) {
      d.flush();
      return Response.ok(Templates.board$columns(page(scope))).build();
    }
    // back to the card where it now is, not to the top of the board
    return Flash.redirect(URI.create(back + "#deal-card-" + d.id), "success", "deal_flash_moved");
  }

  /** The team board and its filter by member are a manager's; anyone else sees their own deals. */
  private Board.Scope scope(boolean team, Long rep) {
    Viewer viewer = me.viewer();
    if (!team || !viewer.isManager()) {
      return new Board.Scope(false, null);
    }
    Member member = rep == null ? null : Member.findById(rep);
    boolean inTeam =
        member != null && member.team != null && member.team.id.equals(viewer.teamId());
    return new Board.Scope(true, inTeam ? rep : null);
  }

  private BoardPage page(Board.Scope scope) {
    Viewer viewer = me.viewer();
    return new BoardPage(
        board.columns(viewer, scope, monthStart()),
        stages.all(),
        scope,
        viewer.isManager(),
        scope.team() ? Member.listSellersOfTeam(viewer.teamId()) : List.of());
  }

  private Instant monthStart() {
    return LocalDate.now(clock).withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant();
  }
}
