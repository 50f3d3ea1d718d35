package io.loopcrm.deal;

import static io.loopcrm.deal.PipelineStage.Kind.LOST;
import static io.loopcrm.deal.PipelineStage.Kind.OPEN;
import static io.loopcrm.deal.PipelineStage.Kind.WON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline's shape rule, on its own: at least one open stage, one won, one lost. */
class PipelineRuleTest {

  @Test
  void aPipelineWithOpenStagesAndOneWonAndOneLostStageIsWhole() {
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, WON, LOST))).isNull();
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, OPEN, OPEN, LOST, WON))).isNull();
  }

  @Test
  void eachMissingOrDoubledKindIsNamed() {
    assertThat(PipelineStage.ruleBrokenBy(List.of(WON, LOST)))
        .isEqualTo("settings_error_needs_open");
    assertThat(PipelineStage.ruleBrokenBy(List.of())).isEqualTo("settings_error_needs_open");
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, LOST)))
        .isEqualTo("settings_error_needs_one_won");
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, WON, WON, LOST)))
        .isEqualTo("settings_error_needs_one_won");
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, WON)))
        .isEqualTo("settings_error_needs_one_lost");
    assertThat(PipelineStage.ruleBrokenBy(List.of(OPEN, WON, LOST, LOST)))
        .isEqualTo("settings_error_needs_one_lost");
  }
}
