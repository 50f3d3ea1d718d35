package io.loopcrm.sales;

import io.loopcrm.deal.Board;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.people.Member;
import java.util.List;

/**
 * What the pipeline board shows: its columns, the stages a card may move to, whose deals (own, the
 * team's, or one team member's) and, for a manager, the team members to filter by.
 */
public record BoardPage(
    List<Board.Column> columns,
    List<PipelineStages.Stage> stages,
    Board.Scope scope,
    boolean manager,
    List<Member> members) {

  public boolean isTeam() {
    return scope.team();
  }

  public Long getRep() {
    return scope.rep();
  }

  /** The scope as query parameters, for "show more" and the links back to the board. */
  public String getQuery() {
    return "team=" + scope.team() + (scope.rep() == null ? "" : "&rep=" + scope.rep());
  }
}
