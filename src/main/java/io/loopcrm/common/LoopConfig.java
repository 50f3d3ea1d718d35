package io.loopcrm.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * Every {@code loop.*} setting of the application, in one place; the README's settings table names
 * the environment variables that set them. A {@code loop.*} property that is not here stops the
 * start (a misspelt setting is not silently ignored); the test suite's own knobs are {@code
 * loopcrm.test.*}.
 */
@ConfigMapping(prefix = "loop")
public interface LoopConfig {
  /** Load the demo data into an empty database. */
  @WithDefault("false")
  boolean demoData();

  /** Start although a secret is one the repository ships (demo only, see security/DemoSecrets). */
  @WithDefault("false")
  boolean allowDemoSecrets();

  /** The currency the funnel's money figures are in. */
  @WithDefault("USD")
  String reportingCurrency();

  AdminClient adminClient();

  @WithName("import")
  Import imports();

  Capture capture();

  Clicks clicks();

  Scoring scoring();

  Cache cache();

  /** Lists each instance keeps in memory ({@link Cached}). */
  interface Cache {
    /**
     * How long a list changed through another instance may still be served here (read through
     * {@link Cached#OTHER_INSTANCES}, which cannot be injected).
     */
    @WithDefault("15S")
    Duration otherInstances();
  }

  DisabledMembers disabledMembers();

  /** The service-account client the Users page works through. */
  interface AdminClient {
    String clientId();

    String clientSecret();
  }

  /** CSV imports. */
  interface Import {
    /** Where uploaded files and import reports are kept. */
    String dir();

    /**
     * How long a running import may go without committing a batch before any instance takes it for
     * stopped (its instance died) and marks it interrupted, to be resumed.
     */
    @WithDefault("60S")
    Duration lease();
  }

  /** Public capture: the form, the API and referrals. */
  interface Capture {
    /** Form submissions allowed per client address and minute. */
    @WithDefault("30")
    int submissionsPerMinute();

    /** Captures in flight at once (waiting for the writer or written). */
    int concurrent();

    /** Captures the writer commits in one transaction at most. */
    @WithDefault("50")
    int batch();

    /** How long one more capture waits for a place before "try again". */
    long waitMs();
  }

  /** The tracking link's click log. */
  interface Clicks {
    /** Clicks written in one transaction at most. */
    @WithDefault("500")
    int batch();

    /** Clicks queued at most; a click that finds the queue full is answered "try again". */
    @WithDefault("20000")
    int queue();

    /**
     * Threads writing clicks, each a batch at a time (one can insert while another commits). One by
     * default: two reached 4,900-5,600 redirects/s by hand (32 clients), but at a fixed 2,500/s in
     * the harness they fell behind where one writer, taking larger batches, kept up.
     */
    @WithDefault("1")
    int writers();

    /**
     * Clicks recorded per client address and minute at most (per instance); past it the visitor is
     * still redirected but the click is not kept, so one address cannot flood the click log.
     */
    @WithDefault("60")
    int perAddressPerMinute();
  }

  /** Lead scoring. */
  interface Scoring {
    /** Days after which an engagement counts half. */
    @WithDefault("30")
    int halfLifeDays();
  }

  /** The list of disabled members each instance keeps. */
  interface DisabledMembers {
    /** How often it is read again (changes made through another instance), e.g. {@code 15s}. */
    @WithDefault("15s")
    String refresh();
  }
}
