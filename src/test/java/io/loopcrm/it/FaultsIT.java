package io.loopcrm.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.stack.DevStack;
import io.loopcrm.stack.PostgresServer;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.CuttableLink;
import io.loopcrm.testing.KeycloakLogin;
import java.io.BufferedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * Faults of the processes around the packaged application, made while people use it: its PostgreSQL
 * stopped for 20 s under traffic, Keycloak gone with users signed in, and the application killed
 * (SIGKILL) in the middle of an import. The application runs as {@code deploy/run.sh} runs it, on a
 * database of its own whose commits are flushed to disk; Keycloak is the test one, reached through
 * a link the test cuts. Figures go to {@code target/reliability/faults.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  private static final String BASE = FaultsSupport.BASE;
  private static final String TOKEN = io.loopcrm.testing.Csrf.token();
  private static final Path REPORT = FaultsSupport.REPORT;

  @TempDir static Path dir;
  static int pgPort;
  static PostgresServer postgres;
  static CuttableLink keycloak;
  static Map<String, String> env;
  static DevStack app;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, "");
    pgPort = io.loopcrm.stack.Ports.free();
    postgres = PostgresServer.start(dir.resolve("pg"), pgPort, true);
    postgres.ensureDatabase("loop");
    URI realm = URI.create(TestStack.get().realmUrl());
    keycloak = new CuttableLink(realm.getPort());
    env = PackagedEnv.onDatabase(PackagedEnv.PORT, postgres.jdbcUrl("loop"));
    env.put(
        "QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + keycloak.port() + realm.getPath());
    // visitors of the form come through a proxy from many addresses
    env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
    env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
    env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
    env.put("LOOP_IMPORT_DIR", dir.resolve("imports").toString());
    env.put("LOOP_IMPORT_LEASE", "10S");
    env.put("LOOP_MAIL_LEASE", "10S");
    env.put("LOOP_WEBHOOKS_LEASE", "10S");
    // the webhook receiver of the kill test listens on loopback
    env.put("LOOP_WEBHOOK_ALLOW_LOCAL", "true");
    app = DevStack.start(env, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    keycloak.close();
    postgres.close();
  }

  @Test
  @Order(1)
  void postgresStoppedForTwentySecondsUnderTraffic() throws Exception {
    String sam = FaultsSupport.signIn("sam");
    List<Traffic.Answer> answers;
    long down;
    long up;
    WebDriver browser = PackagedAppIT.chromium();
    try (Traffic traffic =
        new Traffic(
                BASE,
                sam,
                FaultsSupport.integrationToken(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")),
                "sea-b")
            .start()) {
      PackagedAppIT.signIn(browser, "sam", "Sam Sales");
      Thread.sleep(5_000);
      down = traffic.nowMs();
      postgres.close();
      Instant back = Instant.now().plusSeconds(20);
      // what the rep sees meanwhile, in both languages
      FaultsSupport.shows(
          browser, "/sales/today", "en", "cannot reach its database", "faults-database-en.png");
      FaultsSupport.shows(browser, "/sales/today", "zh-CN", "无法连接数据库", "faults-database-zh.png");
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), back).toMillis()));
      postgres = PostgresServer.start(dir.resolve("pg"), pgPort, true);
      up = traffic.nowMs();
      Thread.sleep(45_000);
      answers = traffic.answers();
      FaultsSupport.shows(browser, "/sales/today", "en", "Today", "faults-database-back-en.png");
    } finally {
      browser.quit();
    }
    long end = answers.stream().mapToLong(a -> a.sentMs() + a.tookMs()).max().orElseThrow();
    List<Traffic.Answer> failed = answers.stream().filter(Traffic.Answer::failed).toList();
    List<String> acknowledged =
        answers.stream().filter(Traffic.Answer::acknowledged).map(Traffic.Answer::email).toList();
    long kept = leadsWithEmails(acknowledged);
    long lastFailure = failed.stream().mapToLong(Traffic.Answer::sentMs).max().orElse(down);
    long slowest = answers.stream().mapToLong(Traffic.Answer::tookMs).max().orElseThrow();
    FaultsSupport.report(
        "PostgreSQL stopped for 20 s under traffic: %d requests over %d s (%s);"
            + " %d failed (%s), the first sent %+d ms from the stop, the last %+d ms from the"
            + " restart;"
            + " slowest answer %d ms; %d writes acknowledged (%s), %d of them kept",
        answers.size(),
        end / 1000,
        FaultsSupport.byKind(answers),
        failed.size(),
        failed.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.kind() + " " + a.status(),
                    java.util.TreeMap::new,
                    Collectors.counting())),
        failed.stream().mapToLong(Traffic.Answer::sentMs).min().orElse(down) - down,
        lastFailure - up,
        slowest,
        acknowledged.size(),
        FaultsSupport.byKind(answers.stream().filter(Traffic.Answer::acknowledged).toList()),
        kept);

    assertThat(slowest).as("no request hangs for more than 6 s").isLessThanOrEqualTo(6_000);
    assertThat(failed)
        .as("errors only while the database is down, none 30 s after it is back")
        .allMatch(a -> a.sentMs() + a.tookMs() >= down && a.sentMs() <= up + 30_000);
    assertThat(failed).as("the database was down: some requests could not be served").isNotEmpty();
    assertThat(failed)
        .as("each told it could not be served just now (503), never a 500 or no answer")
        .allMatch(a -> a.status() == 503);
    assertThat(answers.stream().filter(Traffic.Answer::acknowledged).map(Traffic.Answer::kind))
        .as("form, API and rep writes were acknowledged")
        .contains("form", "api", "rep-write");
    assertThat(answers.stream().filter(a -> a.sentMs() > up + 30_000).count())
        .as("traffic went on after the recovery")
        .isGreaterThan(20);
    assertThat(kept).as("every acknowledged write is kept").isEqualTo(acknowledged.size());
    // a visitor whose lead could not be saved is told to try again, with what they typed kept
    assertThat(failed.stream().filter(a -> a.kind().equals("form") && a.status() == 503))
        .isNotEmpty()
        .allMatch(a -> a.body().contains(a.email()) && a.body().contains("send the form again"));
  }

  @Test
  @Order(2)
  void keycloakGoneSignedInUsersKeepWorkingAndNewSignInsGetTheBrandedPage() throws Exception {
    String sam = FaultsSupport.signIn("sam");
    keycloak.cut();
    try {
      Thread.sleep(4_000); // the application notices within one probe (3 s)
      for (String page : List.of("/sales/today", "/sales/leads", "/sales/pipeline")) {
        given()
            .redirects()
            .follow(false)
            .header("Cookie", sam)
            .get(BASE + page)
            .then()
            .statusCode(200);
      }
      String email = java.util.UUID.randomUUID() + "@keycloak-down.example";
      given()
          .redirects()
          .follow(false)
          .header("Cookie", sam + "; csrf-token=" + TOKEN)
          .formParam("csrf-token", TOKEN)
          .formParam("firstName", "Kim")
          .formParam("lastName", "Down")
          .formParam("email", email)
          .formParam("source", "phone")
          .post(BASE + "/sales/leads/new")
          .then()
          .statusCode(303);
      assertThat(leadsWithEmails(List.of(email))).isEqualTo(1);

      // a new sign-in: sent to the branded page, not to a server that does not answer
      for (String lang : List.of("en", "zh-CN")) {
        String page =
            given()
                .header("Accept", "text/html")
                .header("Accept-Language", lang)
                .get(BASE + "/sales/today")
                .then()
                .statusCode(503)
                .header("Retry-After", "30")
                .extract()
                .asString();
        assertThat(page).contains(lang.equals("en") ? "Sign-in did not work" : "登录未成功");
      }
      WebDriver newcomer = PackagedAppIT.chromium();
      try {
        FaultsSupport.shows(
            newcomer, "/sales/today", "en", "Sign-in did not work", "faults-sign-in-en.png");
        FaultsSupport.shows(newcomer, "/sales/today", "zh-CN", "登录未成功", "faults-sign-in-zh.png");
      } finally {
        newcomer.quit();
      }
      FaultsSupport.report(
          "Keycloak unreachable: 3 pages and 1 save of a signed-in rep answered 200/303;"
              + " a new sign-in got the branded page (503, both languages)");
    } finally {
      keycloak.restore();
    }
    Thread.sleep(4_000);
    try (WebClient web = KeycloakLogin.browser()) {
      assertThat(
              KeycloakLogin.signIn(web, PackagedEnv.APP + "/sales/today", "rita")
                  .getWebResponse()
                  .getStatusCode())
          .as("signing in works again once Keycloak is back")
          .isEqualTo(200);
    }
  }

  @Test
  @Order(3)
  void killedDuringAnImportItResumesWithoutDuplicates() throws Exception {
    int rows = 40_000;
    Path file = dir.resolve("kill.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("First Name,Last Name,Email,Company\n");
      for (int i = 0; i < rows; i++) {
        w.write("Kai" + i + ",Killed,kill" + i + "@import.example,Kill Co " + i + "\n");
      }
    }
    String olga = FaultsSupport.signIn("olga");
    String location =
        given()
            .redirects()
            .follow(false)
            .header("Cookie", olga + "; csrf-token=" + TOKEN)
            .multiPart("csrf-token", TOKEN)
            .multiPart("file", file.toFile(), "text/csv")
            .post(BASE + "/ops/import")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.replaceAll(".*/ops/import/(\\d+).*", "$1"));
    String mapping = job(id, "mapping");
    given()
        .redirects()
        .follow(false)
        .header("Cookie", olga + "; csrf-token=" + TOKEN)
        .formParam("csrf-token", TOKEN)
        .formParam("target", (Object[]) mapping.split("\t", -1))
        .post(BASE + "/ops/import/" + id + "/start")
        .then()
        .statusCode(303);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    // killed with a quarter of the rows committed, in the middle of the next batches
    while (Integer.parseInt(job(id, "processed")) < rows / 4) {
      assertThat(Instant.now()).as("the import began").isBefore(deadline);
      Thread.sleep(20);
    }
    app.kill();
    int committed = Integer.parseInt(job(id, "processed"));
    long leadsAtKill = importedLeads();
    assertThat(committed).as("killed half-way").isLessThan(rows);
    assertThat(leadsAtKill).as("rows of committed batches only").isEqualTo(committed);

    app = DevStack.start(env, dir);
    // its lease (no batch for LOOP_IMPORT_LEASE, 10 s here) has run out: marked as stopped
    Instant leaseDeadline = Instant.now().plusSeconds(40);
    while (!job(id, "status").equals("failed") && Instant.now().isBefore(leaseDeadline)) {
      Thread.sleep(200);
    }
    assertThat(job(id, "status")).as("marked as stopped").isEqualTo("failed");
    assertThat(job(id, "error")).isEqualTo("interrupted");
    given()
        .redirects()
        .follow(false)
        .header("Cookie", olga + "; csrf-token=" + TOKEN)
        .formParam("csrf-token", TOKEN)
        .post(BASE + "/ops/import/" + id + "/resume")
        .then()
        .statusCode(303);
    while (!job(id, "status").equals("done")) {
      assertThat(job(id, "status")).isIn("running", "done");
      assertThat(Instant.now()).as("the resumed import ends").isBefore(deadline.plusSeconds(120));
      Thread.sleep(200);
    }
    long distinct =
        scalar(
            "select count(distinct email_normalized) from lead where email_normalized like '%@import.example'");
    FaultsSupport.report(
        "App killed (SIGKILL) during an import of %d rows after %d committed rows (%d leads);"
            + " restarted, resumed: %d leads, %d distinct, job created %s, processed %s",
        rows,
        committed,
        leadsAtKill,
        importedLeads(),
        distinct,
        job(id, "created_count"),
        job(id, "processed"));
    assertThat(importedLeads()).isEqualTo(rows);
    assertThat(distinct).isEqualTo(rows);
    assertThat(job(id, "created_count")).isEqualTo(Integer.toString(rows));
  }

  @Test
  @Order(4)
  void killedWhileSendingMailEveryMessageGoesOutAndOnlyTheBatchInFlightTwice() throws Exception {
    int messages = 3_000;
    String to =
        "kill-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    try (Connection c = db()) {
      c.createStatement()
          .executeUpdate(
              "insert into outbox_message (message_id, from_address, to_addresses, subject,"
                  + " body_text) select '<kill-' || g || '-' || md5(random()::text)"
                  + " || '@loop.example>', 'loop@loop.example', '"
                  + to
                  + "', 'Kill ' || g, 'Sent around a SIGKILL.' from generate_series(1, "
                  + messages
                  + ") g");
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    String sent =
        "select count(*) from outbox_message where to_addresses = '" + to + "' and state = 'sent'";
    // killed with some batches recorded as sent and the next ones on their way
    while (scalar(sent) < 300) {
      assertThat(Instant.now()).as("the outbox began").isBefore(deadline);
      Thread.sleep(10);
    }
    app.kill();
    long recordedAtKill = scalar(sent);
    long claimedAtKill =
        scalar(
            "select count(*) from outbox_message where to_addresses = '"
                + to
                + "' and state = 'sending'");
    app = DevStack.start(env, dir);
    while (scalar(sent) < messages) {
      assertThat(Instant.now())
          .as("every message goes out after the restart")
          .isBefore(deadline.plusSeconds(60));
      Thread.sleep(200);
    }
    List<String> ids = new java.util.ArrayList<>();
    Set<String> stored = new java.util.HashSet<>();
    try (Connection c = db();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select message_id from outbox_message where to_addresses = '" + to + "'")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    Instant mailDeadline = Instant.now().plusSeconds(30);
    do {
      ids = messageIds(to);
      Thread.sleep(300);
    } while (!new java.util.HashSet<>(ids).containsAll(stored)
        && Instant.now().isBefore(mailDeadline));
    long twice = ids.size() - new java.util.HashSet<>(ids).size();
    FaultsSupport.report(
        "App killed (SIGKILL) while the outbox sent %d messages, %d recorded as sent and %d claimed at"
            + " the kill; restarted: %d of %d in the mailbox (by Message-ID), %d received twice"
            + " (the batch in flight, same Message-ID)",
        messages,
        recordedAtKill,
        claimedAtKill,
        new java.util.HashSet<>(ids).size(),
        messages,
        twice);
    assertThat(new java.util.HashSet<>(ids)).isEqualTo(stored);
    assertThat(twice).as("only what was claimed at the kill").isLessThanOrEqualTo(claimedAtKill);
  }

  @Test
  @Order(5)
  void killedWhileDeliveringWebhooksEveryEventArrivesAndOnlyTheBatchInFlightTwice()
      throws Exception {
    int events = 3_000;
    String prefix = "msg_kill" + java.util.UUID.randomUUID().toString().substring(0, 8) + "_";
    try (io.loopcrm.testing.WebhookReceiver receiver = new io.loopcrm.testing.WebhookReceiver()) {
      long endpoint;
      try (Connection c = db()) {
        PreparedStatement insert =
            c.prepareStatement(
                "insert into webhook_endpoint (id, url, event_types, secret, created_at)"
                    + " values (nextval('webhook_endpoint_seq'), ?, array['lead.created'], ?,"
                    + " now()) returning id");
        insert.setString(1, receiver.url("/kill"));
        insert.setString(2, io.loopcrm.webhook.WebhookSecrets.generate());
        ResultSet rs = insert.executeQuery();
        rs.next();
        endpoint = rs.getLong(1);
        // events as the changes' transactions write them: the sender fans them out and sends
        c.createStatement()
            .executeUpdate(
                "insert into webhook_event (message_id, type, record_key, payload)"
                    + " select '"
                    + prefix
                    + "' || g, 'lead.created', 'lead:' || g,"
                    + " '{\"type\":\"lead.created\",\"data\":{\"id\":' || g || '}}'"
                    + " from generate_series(1, "
                    + events
                    + ") g");
      }
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      String delivered =
          "select count(*) from webhook_delivery where endpoint_id = "
              + endpoint
              + " and state = 'delivered'";
      // a slow receiver: killed with some deliveries recorded and a batch in flight
      receiver.delayMillis.set(150);
      String sending =
          "select count(*) from webhook_delivery where endpoint_id = "
              + endpoint
              + " and state = 'sending'";
      while (scalar(delivered) < 300 || scalar(sending) == 0) {
        assertThat(Instant.now()).as("the sender began").isBefore(deadline);
        Thread.sleep(10);
      }
      app.kill();
      long recordedAtKill = scalar(delivered);
      long claimedAtKill = scalar(sending);
      assertThat(claimedAtKill).as("a batch in flight at the kill").isPositive();
      receiver.delayMillis.set(0);
      app = DevStack.start(env, dir);
      while (scalar(delivered) < events) {
        assertThat(Instant.now())
            .as("every event is delivered after the restart")
            .isBefore(deadline.plusSeconds(60));
        Thread.sleep(200);
      }
      List<String> ids =
          receiver.received.stream()
              .map(r -> r.header("webhook-id"))
              .filter(id -> id.startsWith(prefix))
              .toList();
      Set<String> distinct = new java.util.HashSet<>(ids);
      long twice = ids.size() - distinct.size();
      FaultsSupport.report(
          "App killed (SIGKILL) while delivering %d webhook events, %d recorded as delivered and %d"
              + " claimed at the kill; restarted: %d of %d received (by webhook-id), %d received"
              + " twice (the batch in flight, same webhook-id)",
          events, recordedAtKill, claimedAtKill, distinct.size(), events, twice);
      assertThat(distinct).hasSize(events);
      assertThat(twice).as("only what was claimed at the kill").isLessThanOrEqualTo(claimedAtKill);
      try (Connection c = db()) {
        c.createStatement().executeUpdate("delete from webhook_endpoint where id = " + endpoint);
      }
    }
  }

  /** The Message-IDs in the mailbox of {@code address}, read over IMAP in one fetch. */
  private static List<String> messageIds(String address) throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    try (jakarta.mail.Store store =
        jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap")) {
      store.connect("127.0.0.1", TestStack.get().imapPort(), address, address);
      try (jakarta.mail.Folder inbox = store.getFolder("INBOX")) {
        inbox.open(jakarta.mail.Folder.READ_ONLY);
        jakarta.mail.Message[] all = inbox.getMessages();
        jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
        profile.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
        inbox.fetch(all, profile);
        for (jakarta.mail.Message m : all) {
          ids.add(((jakarta.mail.internet.MimeMessage) m).getMessageID());
        }
      }
    } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
      return ids;
    }
    return ids;
  }

  private static long importedLeads() throws Exception {
    return scalar("select count(*) from lead where email_normalized like '%@import.example'");
  }

  private static String job(long id, String column) throws Exception {
    try (Connection c = db();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select " + column + " from import_job where id = " + id)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long scalar(String sql) throws Exception {
    try (Connection c = db();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long leadsWithEmails(List<String> emails) throws Exception {
    try (Connection c = db();
        PreparedStatement s =
            c.prepareStatement(
                "select count(distinct email_normalized) from lead where email_normalized = any(?)")) {
      s.setArray(1, c.createArrayOf("text", emails.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        postgres.jdbcUrl("loop"), PostgresServer.USER, PostgresServer.PASSWORD);
  }
}
