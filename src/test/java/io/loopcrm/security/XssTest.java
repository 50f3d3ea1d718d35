package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stored XSS: 50 payloads kept in the free-text fields of leads, accounts, contacts, deals,
 * activities, campaigns and variants come back escaped on every page that shows them, in lists,
 * record pages, the board, the search box, the funnel and the public form.
 */
@QuarkusTest
class XssTest {
  static final String REP = "xss-rep";
  static final List<String> PAYLOADS = payloads();
  static final List<Long> LEADS = new ArrayList<>();
  static final List<Long> DEALS = new ArrayList<>();
  static final List<Long> ACCOUNTS = new ArrayList<>();
  static final List<Long> CAMPAIGNS = new ArrayList<>();
  static final List<String> CODES = new ArrayList<>();

  /** Fifty payloads: ten elements in five contexts (text, attribute, textarea, template). */
  static List<String> payloads() {
    List<String> out = new ArrayList<>();
    String[] tags = {
      "script", "img", "svg", "iframe", "body", "a", "details", "math", "style", "input"
    };
    String[] shapes = {
      "<%s onload=alert(%d)>",
      "\"><%s src=x onerror=alert(%d)>",
      "'><%s autofocus onfocus=alert(%d)>",
      "</textarea></title><%s>x%d",
      "{{%d}}<%s/>"
    };
    int n = 0;
    for (String shape : shapes) {
      for (String tag : tags) {
        n++;
        out.add(
            shape.startsWith("{{") ? String.format(shape, n, tag) : String.format(shape, tag, n));
      }
    }
    return out;
  }

  @BeforeAll
  static void store() {
    if (!LEADS.isEmpty()) {
      return;
    }
    Member rep = Fixtures.member(REP, List.of("sales"), null);
    for (String p : PAYLOADS) {
      CampaignVariant v = Fixtures.campaignWithVariant(p);
      CAMPAIGNS.add(v.campaign.id);
      CODES.add(v.trackingCode);
      Lead lead = Fixtures.lead(rep, p, p, v);
      LEADS.add(lead.id);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Member owner = Member.findById(rep.id);
                Lead l = Lead.findById(lead.id);
                l.firstName = p;
                l.title = p;
                CampaignVariant variant = CampaignVariant.findById(v.id);
                variant.headline = p;
                variant.body = p;
                variant.callToAction = p;
                variant.name = p.length() > 60 ? p.substring(0, 60) : p;
                Account a = new Account();
                a.name = p;
                a.owner = owner;
                a.persist();
                Contact c = new Contact();
                c.account = a;
                c.firstName = p;
                c.lastName = p;
                c.title = p;
                c.owner = owner;
                c.persist();
                Deal d = new Deal();
                d.name = p;
                d.account = a;
                d.contact = c;
                d.owner = owner;
                d.stage = PipelineStage.listActive().get(0);
                d.currency = "EUR";
                d.amount = BigDecimal.TEN;
                d.expectedClose = LocalDate.now().plusDays(10);
                d.probability = 10;
                d.nextStep = p;
                d.persist();
                Activity note = new Activity();
                note.kind = Activity.Kind.TASK;
                note.subject = p;
                note.notes = p;
                note.owner = owner;
                note.deal = d;
                note.dueAt = Instant.now().plusSeconds(3_600);
                note.persist();
                ACCOUNTS.add(a.id);
                DEALS.add(d.id);
              });
    }
  }

  static void escaped(String path) {
    String html = given().get(path).then().statusCode(200).extract().asString();
    for (String p : PAYLOADS) {
      assertThat(html).as(path).doesNotContain(p);
    }
    // parsed as a browser would: no element carries an event handler (the pages have none of
    // their own, the CSP forbids inline scripts) and no script is inline
    try (org.htmlunit.WebClient browser = new org.htmlunit.WebClient()) {
      browser.getOptions().setJavaScriptEnabled(false);
      browser.getOptions().setCssEnabled(false);
      org.htmlunit.html.HtmlPage page = browser.loadHtmlCodeIntoCurrentWindow(html);
      for (org.htmlunit.html.HtmlElement e : page.getHtmlElementDescendants()) {
        for (org.htmlunit.html.DomAttr a : e.getAttributesMap().values()) {
          assertThat(a.getName()).as(path + ": <" + e.getTagName() + ">").doesNotStartWith("on");
        }
        if (e.getTagName().equals("script")) {
          assertThat(e.getAttribute("src")).as(path + ": inline script").isNotEmpty();
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @TestSecurity(user = REP, roles = "sales")
  void theRepsPagesEscapeEveryPayload() {
    escaped("/sales/leads");
    escaped("/sales/deals");
    escaped("/sales/pipeline");
    escaped("/sales/accounts");
    escaped("/sales/contacts");
    escaped("/sales/tasks");
    escaped("/sales/today");
    escaped("/search?q=alert");
    for (int i = 0; i < PAYLOADS.size(); i += 7) {
      escaped("/sales/leads/" + LEADS.get(i));
      escaped("/sales/leads/" + LEADS.get(i) + "/edit");
      escaped("/sales/deals/" + DEALS.get(i));
      escaped("/sales/accounts/" + ACCOUNTS.get(i));
    }
  }

  @Test
  @TestSecurity(user = "xss-ops", roles = "operations")
  void operationsPagesEscapeEveryPayload() {
    Fixtures.member("xss-ops", List.of("operations"), null);
    escaped("/ops/leads?q=alert");
    escaped("/ops/campaigns");
    escaped("/ops/funnel?by=campaign");
    for (int i = 0; i < PAYLOADS.size(); i += 7) {
      escaped("/ops/campaigns/" + CAMPAIGNS.get(i));
      escaped("/ops/campaigns/" + CAMPAIGNS.get(i) + "/edit");
    }
  }

  @Test
  void thePublicFormEscapesTheVariantsTexts() {
    for (int i = 0; i < PAYLOADS.size(); i += 5) {
      escaped("/f/" + CODES.get(i));
    }
  }
}
