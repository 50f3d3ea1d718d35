package io.loopcrm.security;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.scoring.ScoringRule;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records the route matrix points at: the sales rep's lead, deal, account, contact and task,
 * and operations' campaign, variant, rules and import; made fresh for each identity so that what
 * one identity's posts change cannot change what another sees.
 */
final class MatrixRecords {
  static final String REP = "matrix-rep";
  static final String OTHER = "matrix-other-rep";
  static final String MANAGER = "matrix-manager";
  static final String OPS = "matrix-ops";
  static final String ADMIN = "matrix-admin";

  private MatrixRecords() {}

  /** The members behind the identities: the rep and the manager in one team, the other rep not. */
  static Member members() {
    Member rep = Fixtures.member(REP, List.of("sales"), "Matrix team A");
    Fixtures.member(MANAGER, List.of("sales", "sales-manager"), "Matrix team A");
    Fixtures.member(OTHER, List.of("sales"), "Matrix team B");
    Fixtures.member(OPS, List.of("operations"), null);
    Fixtures.member(ADMIN, List.of("admin"), null);
    return rep;
  }

  /** Fresh records; the keys are the argument names of route-matrix.txt. */
  static Map<String, String> make() throws Exception {
    Member rep = members();
    CampaignVariant variant = Fixtures.campaignWithVariant(Fixtures.unique("Matrix campaign"));
    Lead lead = Fixtures.lead(rep, "Matrix", Fixtures.unique("Matrix Co"), variant);
    Path csv = Files.createTempFile("matrix-import", ".csv");
    Files.writeString(csv, "First Name,Last Name,Email\nAda,Matrix,ada.matrix@example.com\n");
    Map<String, String> ids = new HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Member owner = Member.findById(rep.id);
              Account account = new Account();
              account.name = Fixtures.unique("Matrix account");
              account.owner = owner;
              account.persist();
              Contact contact = new Contact();
              contact.account = account;
              contact.lastName = "Matrix";
              contact.email = Fixtures.unique("matrix").toLowerCase() + "@example.com";
              contact.emailNormalized = contact.email;
              contact.owner = owner;
              contact.persist();
              Deal deal = new Deal();
              deal.name = Fixtures.unique("Matrix deal");
              deal.account = account;
              deal.contact = contact;
              deal.owner = owner;
              deal.stage = PipelineStage.listActive().get(0);
              deal.currency = "EUR";
              deal.amount = BigDecimal.valueOf(1000);
              deal.expectedClose = LocalDate.now().plusMonths(1);
              deal.probability = 10;
              deal.persist();
              Activity task = new Activity();
              task.kind = Activity.Kind.TASK;
              task.subject = "Matrix follow-up";
              task.owner = owner;
              task.lead = Lead.findById(lead.id);
              task.dueAt = Instant.now().plusSeconds(86_400);
              task.persist();
              RoutingRule rule = new RoutingRule();
              rule.name = Fixtures.unique("Matrix rule");
              rule.position = 9_999;
              rule.region = "Nowhere";
              rule.active = false;
              rule.memberIds = owner.id.toString();
              rule.persist();
              ScoringRule scoring = new ScoringRule();
              scoring.kind = "fit";
              scoring.attribute = "region";
              scoring.value = "Nowhere";
              scoring.points = 1;
              scoring.active = false;
              scoring.persist();
              ImportJob job = new ImportJob();
              job.fileName = "matrix.csv";
              job.storedPath = csv.toString();
              job.layout = "generic";
              job.createdBy = Member.find("username", OPS).firstResult();
              job.persist();
              Team team = Team.findByName("Matrix team A").orElseThrow();
              ids.put("lead", lead.id.toString());
              ids.put("deal", deal.id.toString());
              ids.put("account", account.id.toString());
              ids.put("contact", contact.id.toString());
              ids.put("task", task.id.toString());
              ids.put("rule", rule.id.toString());
              ids.put("scoring", scoring.id.toString());
              ids.put("import", job.id.toString());
              ids.put("team", team.id.toString());
              ids.put("stage", PipelineStage.listActive().get(0).id.toString());
              ids.put("repmember", owner.id.toString());
            });
    ids.put("campaign", variant.campaign.id.toString());
    ids.put(
        "cost",
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.campaign.CostEntry cost = new io.loopcrm.campaign.CostEntry();
                  cost.campaign = io.loopcrm.campaign.Campaign.findById(variant.campaign.id);
                  cost.incurredOn = java.time.LocalDate.now();
                  cost.amount = new java.math.BigDecimal("120.00");
                  cost.currency = "USD";
                  cost.persist();
                  return cost.id.toString();
                }));
    ids.put("variant", variant.id.toString());
    ids.put(
        "audience",
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.lead.Audience a = new io.loopcrm.lead.Audience();
                  a.name = "Matrix audience " + System.nanoTime();
                  a.region = "Matrix region";
                  a.persist();
                  return a.id.toString();
                }));
    ids.put("tracking", variant.trackingCode);
    ids.put(
        "split",
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    io.loopcrm.campaign.Campaign.<io.loopcrm.campaign.Campaign>findById(
                            variant.campaign.id)
                        .code));
    ids.put(
        "notification",
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // the rep's own, as the lead trigger writes them (R__notifications.sql)
                  io.loopcrm.notify.Notification n = new io.loopcrm.notify.Notification();
                  n.member = Member.findById(rep.id);
                  n.kind = "lead_assigned";
                  n.lead = Lead.findById(Long.valueOf(ids.get("lead")));
                  n.createdAt = Instant.now();
                  n.persist();
                  return n.id.toString();
                }));
    ids.put("attachment", attachment(Long.valueOf(ids.get("lead"))));
    ids.put("looseattachment", attachment(null));
    ids.put(
        "mailtemplate",
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.mail.MailTemplate t = new io.loopcrm.mail.MailTemplate();
                  t.name = Fixtures.unique("Matrix template");
                  t.language = "en";
                  t.subject = "Hello {firstName}";
                  t.body = "Dear {firstName}";
                  t.persist();
                  return t.id.toString();
                }));
    // switched off: its routes are reached, and no other test's change makes it an event
    String webhook =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  io.loopcrm.webhook.WebhookEndpoint e = new io.loopcrm.webhook.WebhookEndpoint();
                  e.url = "https://hooks.example/matrix";
                  e.eventTypes = List.of("lead.created");
                  e.secret = io.loopcrm.webhook.WebhookSecrets.generate();
                  e.enabled = false;
                  e.disabledReason = "admin";
                  e.createdAt = Instant.now();
                  e.persist();
                  return e.id.toString();
                });
    ids.put("webhook", webhook);
    ids.put(
        "webhookdelivery",
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery(
                            "with ev as (insert into webhook_event (message_id, type, record_key,"
                                + " payload, fanned) values (:m, 'lead.created', 'lead:1', '{}', true)"
                                + " returning id) insert into webhook_delivery (endpoint_id,"
                                + " event_id, record_key, state, attempts) select :e, ev.id,"
                                + " 'lead:1', 'delivered', 1 from ev returning id")
                        .setParameter("m", Fixtures.unique("msg_matrix"))
                        .setParameter("e", Long.valueOf(webhook))
                        .getSingleResult()
                        .toString()));
    ids.put("nouser", UUID.randomUUID().toString());
    ids.put("none", "987654321");
    ids.put("nothing", "no-such-code");
    return ids;
  }

  /**
   * An attachment of a received e-mail: filed as a reply on the lead {@code leadId}, or unmatched
   * (null), as the reply reader writes them (ReceivedMail).
   */
  private static String attachment(Long leadId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
              Long activity = null;
              if (leadId != null) {
                io.loopcrm.activity.Activity a = new io.loopcrm.activity.Activity();
                Lead lead = Lead.findById(leadId);
                a.kind = io.loopcrm.activity.Activity.Kind.EMAIL;
                a.subject = "Re: Offer";
                a.owner = lead.owner;
                a.lead = lead;
                a.mailState = "received";
                a.persist();
                a.flush();
                activity = a.id;
              }
              Number mail =
                  (Number)
                      em.createNativeQuery(
                              "insert into received_mail (message_id, from_address, subject,"
                                  + " body_text, attachments, activity_id) values (:m,"
                                  + " 'buyer@customer.example', 'Re: Offer', 'Signed', 1, :a)"
                                  + " returning id")
                          .setParameter("m", "<" + Fixtures.unique("matrix") + "@x.example>")
                          .setParameter(
                              "a",
                              new org.hibernate.query.TypedParameterValue<>(
                                  org.hibernate.type.StandardBasicTypes.LONG, activity))
                          .getSingleResult();
              Number id =
                  (Number)
                      em.createNativeQuery(
                              "insert into mail_attachment (received_mail_id, activity_id,"
                                  + " file_name, content_type, size_bytes, content) values"
                                  + " (:mail, :a, 'offer.pdf', 'application/pdf', 3, 'pdf'::bytea)"
                                  + " returning id")
                          .setParameter("mail", mail.longValue())
                          .setParameter(
                              "a",
                              new org.hibernate.query.TypedParameterValue<>(
                                  org.hibernate.type.StandardBasicTypes.LONG, activity))
                          .getSingleResult();
              return id.toString();
            });
  }
}
