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

  Mail mail();

  Webhooks webhooks();

  Api api();

  /** The API for integrations. */
  interface Api {
    /**
     * Requests one client (or person) may make to {@code /api} per minute and instance; one more
     * gets 429 with the seconds to wait in Retry-After.
     */
    @WithDefault("120000")
    int requestsPerMinute();
  }

  /** Webhooks: where they may go, how they are sent and retried. */
  interface Webhooks {
    /**
     * Accept loopback, private and link-local targets and plain http (a developer's own machine;
     * {@code deploy/run.sh} sets it). Off in production: https to public addresses only.
     */
    @WithDefault("false")
    boolean allowLocal();

    /** How often the sender looks for deliveries. */
    @WithDefault("1s")
    String every();

    /** Deliveries sent at once. */
    @WithDefault("200")
    int batch();

    /**
     * The waits before each retry of a delivery that failed: after the last, it is failed. The
     * default spreads eight attempts over about a day.
     */
    @WithDefault("5S,5M,30M,2H,5H,10H,10H")
    java.util.List<Duration> retries();

    /** How long an endpoint may take to answer one delivery. */
    @WithDefault("15S")
    Duration timeout();

    /** How long a claimed delivery is the claimer's: if it dies, it is sent again after this. */
    @WithDefault("2M")
    Duration lease();

    /** An endpoint whose deliveries have failed for this long without one success is disabled. */
    @WithDefault("5D")
    Duration disableAfter();

    /** After a secret is rotated, the old one signs too for this long. */
    @WithDefault("24H")
    Duration rotationOverlap();

    /**
     * How long an event is kept (with its deliveries and their log) once every delivery of it is
     * delivered or failed; replay works within this time.
     */
    @WithDefault("30D")
    Duration keep();
  }

  /** E-mail: where replies go and are read, how the outbox sends. */
  interface Mail {
    /**
     * The address replies come back to: each message's Reply-To is this address with a tag ({@code
     * replies+m42@loop.example}), which the reply reader uses to find the record.
     */
    @WithDefault("replies@loop.example")
    String replyAddress();

    /** Where the application answers, for the links in the mail it sends. */
    @WithDefault("http://localhost:8080")
    String appUrl();

    /** The sender's address when a message has no person behind it (notifications). */
    @WithDefault("loop@loop.example")
    String from();

    /** How often the outbox looks for messages to send. */
    @WithDefault("2s")
    String every();

    /** Messages sent at once by the outbox's worker. */
    @WithDefault("100")
    int batch();

    /**
     * How long a claimed message is another sender's: if its sender dies, the message is sent again
     * after this (with the same Message-ID).
     */
    @WithDefault("5M")
    Duration lease();

    /** Attempts before a message is given up as failed (with exponential backoff in between). */
    @WithDefault("12")
    int attempts();

    /**
     * The largest attachment of a received message that is stored with it; a larger one is named on
     * the message with its size, and not kept.
     */
    @WithDefault("10M")
    io.quarkus.runtime.configuration.MemorySize attachmentMax();

    /** The most attachments of one received message that are stored (the others are named). */
    @WithDefault("20")
    int attachmentsKept();

    Imap imap();

    /** The mailbox replies are read from; no host: replies are not read. */
    interface Imap {
      java.util.Optional<String> host();

      @WithDefault("143")
      int port();

      @WithDefault("replies")
      String user();

      @WithDefault("demo")
      String password();

      /** How often the mailbox is read. */
      @WithDefault("10s")
      String every();
    }
  }

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
     * Clicks counted per client address and minute at most (per instance); past it the click is
     * kept as a flood, not counted in the funnel.
     */
    @WithDefault("60")
    int perAddressPerMinute();

    /**
     * Clicks kept per client address and minute at most (per instance); past it the visitor is
     * still redirected but the click is not kept (the {@code loop.clicks.dropped} metric counts
     * them), so one address cannot flood the click log.
     */
    @WithDefault("6000")
    int floodPerAddressPerMinute();
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
