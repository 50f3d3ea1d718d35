package io.loopcrm.deal;

import io.loopcrm.common.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The pipeline's stages, kept in memory: they change only when an admin edits the settings, which
 * calls {@link #invalidate()}. Saves the board and the deal page a query each.
 */
@ApplicationScoped
public class PipelineStages {
  /** A stage as the pages use it. */
  public record Stage(
      long id, String name, String label, int position, int probability, PipelineStage.Kind kind) {
    public String labelKey() {
      return "stage_" + name;
    }

    /** The id as a form value. */
    public String param() {
      return Long.toString(id);
    }

    public boolean isWon() {
      return kind == PipelineStage.Kind.WON;
    }

    public boolean isLost() {
      return kind == PipelineStage.Kind.LOST;
    }

    public boolean isOpen() {
      return kind == PipelineStage.Kind.OPEN;
    }
  }

  private final Cached<List<Stage>> stages =
      Cached.of(
          () ->
              PipelineStage.listActive().stream()
                  .map(s -> new Stage(s.id, s.name, s.label, s.position, s.probability, s.kind))
                  .toList());

  public List<Stage> all() {
    return stages.get();
  }

  public List<Stage> open() {
    return all().stream().filter(Stage::isOpen).toList();
  }

  public Stage byId(long id) {
    return all().stream().filter(s -> s.id() == id).findFirst().orElse(null);
  }

  public void invalidate() {
    stages.invalidate();
  }
}
