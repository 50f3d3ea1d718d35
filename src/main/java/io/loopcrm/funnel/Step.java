package io.loopcrm.funnel;

/**
 * The funnel's timed steps, as the step-time rollup codes them ({@code R__funnel.sql},
 * funnel_time_rows_daily).
 */
public enum Step {
  /** Created → activated. */
  ACTIVATION('a'),
  /** Activated → won. */
  WIN('w'),
  /** Won → won again (retained). */
  RETENTION('e'),
  /** Assigned → first response. */
  RESPONSE('r');

  public final char code;

  Step(char code) {
    this.code = code;
  }
}
