package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.customer.CustomerAccess;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealOpening;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.people.Viewer;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visibility rule as an invariant of the write paths, not of the read routes: whatever a rep
 * posts (a lead that names another team's customer, a contact id in a form), the accounts and
 * contacts the rep can open afterwards are the ones before plus only what the rep made.
 */
@QuarkusTest
class VisibilityInvariantTest {
  Member sam;
  Member wes;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    wes = Fixtures.member("wes", List.of("sales"), "Team West");
  }

  /** Ids of the accounts ("a…") and contacts ("c…") {@code rep} may open, by the one rule. */
  @SuppressWarnings("unchecked")
  static Set<String> visibleTo(Member rep, Set<Long> accounts, Set<Long> contacts) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Viewer viewer = Viewer.ownRecordsOf(Member.findById(rep.id));
              var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
              Set<String> seen = new HashSet<>();
              String a =
                  "select a.id from account a where a.id in (:ids) and "
                      + CustomerAccess.account(viewer, "a");
              var qa = em.createNativeQuery(a).setParameter("ids", accounts);
              for (Object id : CustomerAccess.bind(qa, a, viewer).getResultList()) {
                seen.add("a" + id);
              }
              String c =
                  "select c.id from contact c where c.id in (:ids) and "
                      + CustomerAccess.contact(viewer, "c");
              var qc = em.createNativeQuery(c).setParameter("ids", contacts);
              for (Object id : CustomerAccess.bind(qc, c, viewer).getResultList()) {
                seen.add("c" + id);
              }
              return seen;
            });
  }

  /** Wes's customer: an account with a web domain and two contacts. */
  record Theirs(Account account, Contact contact, Contact other) {}

  static Theirs theirs(Member owner) {
    String domain = Fixtures.unique("hidden").toLowerCase() + ".example";
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = new Account();
              a.name = Fixtures.unique("Hidden Co");
              a.domain = domain;
              a.region = "West";
              a.owner = Member.findById(owner.id);
              a.persist();
              Contact c = contact(a, owner, "Concealed", "buyer@" + domain);
              Contact o = contact(a, owner, "Secret", "cfo@" + domain);
              return new Theirs(a, c, o);
            });
  }

  private static Contact contact(Account a, Member owner, String lastName, String email) {
    Contact c = new Contact();
    c.account = a;
    c.lastName = lastName;
    c.email = email;
    c.emailNormalized = email;
    c.owner = Member.findById(owner.id);
    c.persist();
    return c;
  }

  /** Sam's accepted lead carrying {@code email} and {@code company}. */
  private Lead samsLead(String email, String company) {
    Lead lead = Fixtures.lead(sam, "Prober", Fixtures.unique("Probe"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.email = email;
              l.emailNormalized = Lead.normalizeEmail(email);
              l.company = company;
              l.accept(3, Instant.now());
            });
    return lead;
  }

  private static long convert(Lead lead) {
    String location =
        Csrf.form()
            .formParam("dealName", "Probe deal")
            .formParam("amount", "100")
            .formParam("currency", "USD")
            .formParam("expectedClose", LocalDate.now().plusDays(9).toString())
            .post("/sales/leads/" + lead.id + "/convert")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    return Long.parseLong(location.replaceAll(".*/sales/deals/(\\d+).*", "$1"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void convertingALeadWithAnotherTeamsContactEmailMakesNewRecordsAndOpensNothingOfTheirs() {
    Theirs t = theirs(wes);
    Set<Long> accounts = new HashSet<>(Set.of(t.account().id));
    Set<Long> contacts = new HashSet<>(Set.of(t.contact().id, t.other().id));
    assertThat(visibleTo(sam, accounts, contacts)).isEmpty();

    Lead lead = samsLead(t.contact().email, t.account().name);
    // the page names neither the hidden account nor the hidden contact: it says both are new
    given()
        .get("/sales/leads/" + lead.id + "/convert")
        .then()
        .statusCode(200)
        .body(not(containsString("Links to the existing")))
        .body(not(containsString("Concealed")))
        .body(containsString("Creates a new account for the company."))
        .body(containsString("Creates a new contact for the person."));

    long dealId = convert(lead);
    Deal deal = QuarkusTransaction.requiringNew().call(() -> fetched(dealId));
    assertThat(deal.account.id).isNotEqualTo(t.account().id);
    assertThat(deal.contact.id).isNotIn(t.contact().id, t.other().id);
    assertThat(deal.account.owner.id).isEqualTo(sam.id);
    assertThat(deal.contact.owner.id).isEqualTo(sam.id);
    // the other team's records stay hidden, pages and edit forms alike
    assertThat(visibleTo(sam, accounts, contacts)).isEmpty();
    given().get("/sales/accounts/" + t.account().id).then().statusCode(404);
    given().get("/sales/accounts/" + t.account().id + "/edit").then().statusCode(404);
    given().get("/sales/contacts/" + t.contact().id).then().statusCode(404);
    given().get("/sales/contacts/" + t.contact().id + "/edit").then().statusCode(404);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Account a = Account.findById(t.account().id);
              assertThat(a.region).isEqualTo("West");
            });
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aConversionReusesTheRepsOwnAccountAndContact() {
    String domain = Fixtures.unique("own").toLowerCase() + ".example";
    Contact mine =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Own Co");
                  a.domain = domain;
                  a.owner = Member.findById(sam.id);
                  a.persist();
                  return contact(a, sam, "Known", "known@" + domain);
                });
    Lead lead = samsLead("known@" + domain, "Whatever name");
    given()
        .get("/sales/leads/" + lead.id + "/convert")
        .then()
        .statusCode(200)
        .body(containsString("Links to the existing account " + mine.account.name))
        .body(containsString("Links to the existing contact Known"));
    Deal deal = QuarkusTransaction.requiringNew().call(() -> fetched(convert(lead)));
    assertThat(deal.account.id).isEqualTo(mine.account.id);
    assertThat(deal.contact.id).isEqualTo(mine.id);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aContactIdPostedInADealFormMustBeOneTheRepMaySee() {
    Theirs t = theirs(wes);
    // Sam works a deal on Wes's account: the account is shared, its contacts are not
    long dealId =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    DealOpening.direct(
                            "Shared account deal",
                            Account.findById(t.account().id),
                            null,
                            Member.findById(sam.id),
                            PipelineStage.listActive().get(0),
                            Instant.now())
                        .id);
    Set<Long> accounts = Set.of(t.account().id);
    Set<Long> contacts = Set.of(t.contact().id, t.other().id);
    Set<String> before = visibleTo(sam, accounts, contacts);
    assertThat(before).containsExactly("a" + t.account().id);

    long version = QuarkusTransaction.requiringNew().call(() -> fetched(dealId).version);
    Csrf.form()
        .formParam("dealName", "Shared account deal")
        .formParam("amount", "100")
        .formParam("currency", "USD")
        .formParam("contact", String.valueOf(t.contact().id))
        .formParam("version", String.valueOf(version))
        .post("/sales/deals/" + dealId)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-contact\""));
    Csrf.form()
        .formParam("dealName", "Second deal")
        .formParam("amount", "100")
        .formParam("currency", "USD")
        .formParam("contact", String.valueOf(t.other().id))
        .post("/sales/deals/new?account=" + t.account().id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-contact\""));

    assertThat(QuarkusTransaction.requiringNew().call(() -> fetched(dealId).contact)).isNull();
    assertThat(visibleTo(sam, accounts, contacts)).isEqualTo(before);
    given().get("/sales/contacts/" + t.contact().id).then().statusCode(404);
    given().get("/sales/contacts/" + t.other().id).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aNewContactOnAnotherTeamsAccountIsRefusedAndOpensNothing() {
    Theirs t = theirs(wes);
    Set<Long> accounts = Set.of(t.account().id);
    Set<Long> contacts = Set.of(t.contact().id, t.other().id);
    Csrf.form()
        .formParam("lastName", "Intruder")
        .formParam("email", Fixtures.unique("in").toLowerCase() + "@x.example")
        .post("/sales/contacts/new?account=" + t.account().id)
        .then()
        .statusCode(404);
    assertThat(visibleTo(sam, accounts, contacts)).isEmpty();
  }

  @Test
  void aLeadTheApiCreatesWithAHiddenContactsEmailOpensNothingToItsRep() {
    Theirs t = theirs(wes);
    Set<Long> accounts = Set.of(t.account().id);
    Set<Long> contacts = Set.of(t.contact().id, t.other().id);
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(io.loopcrm.api.ApiLeadsTest.token())
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            "{\"lastName\":\"Api\",\"email\":\""
                + t.contact().email
                + "\",\"company\":\""
                + t.account().name
                + "\",\"region\":\"East\"}")
        .post("/api/leads")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    // whoever the lead was routed to, the other team's customer stays theirs
    for (Member rep : List.of(sam)) {
      assertThat(visibleTo(rep, accounts, contacts)).isEmpty();
    }
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagersHandOverGivesTheLeadAndNothingOfAnotherTeam() {
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    Theirs t = theirs(wes);
    Lead lead =
        Fixtures.lead(
            Fixtures.member("max", List.of("sales", "sales-manager"), "Team East"),
            "Handed",
            t.account().name,
            null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.email = t.contact().email;
              l.emailNormalized = t.contact().email;
            });
    Csrf.form()
        .formParam("ids", lead.id)
        .formParam("owner", sam.id)
        .post("/sales/bulk/leads/owner")
        .then()
        .statusCode(303);
    assertThat(visibleTo(sam, Set.of(t.account().id), Set.of(t.contact().id, t.other().id)))
        .isEmpty();
  }

  private static Deal fetched(long id) {
    return Deal.<Deal>find(
            "from Deal d join fetch d.account a left join fetch a.owner left join fetch d.contact c"
                + " left join fetch c.owner where d.id = ?1",
            id)
        .firstResult();
  }
}
