package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Operations in a real browser: a routing rule, a campaign with two variants, activation; then a
 * visitor follows variant B's tracking link and fills in the form, and operations finds the lead,
 * routed to a rep of the team and attributed to variant B.
 */
final class OpsJourney {
  private static final String APP = PackagedEnv.APP;

  private OpsJourney() {}

  /** Scrolls the element to the middle of the window first, so no footer covers it. */
  private static void click(WebDriver driver, WebElement element) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
    js.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      // near the bottom of a short page the footer can overlap; the element itself is enabled
      js.executeScript("arguments[0].click();", element);
    }
  }

  static void campaignToRoutedLead(WebDriver ops, WebDriver visitor) throws Exception {
    WebDriverWait wait = new WebDriverWait(ops, Duration.ofSeconds(20));
    PackagedAppIT.signIn(ops, "olga", "Olga Ops");
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String region = "Kansai-" + tag;

    // a routing rule: leads from the region go to Team East
    ops.get(APP + "/ops/routing");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-form")));
    ops.findElement(By.id("name")).sendKeys("Kansai to East " + tag);
    ops.findElement(By.id("region")).sendKeys(region);
    new Select(ops.findElement(By.id("team"))).selectByVisibleText("Team East");
    click(ops, ops.findElement(By.id("save-rule")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    PackagedAppIT.screenshot(ops, "ops-routing.png");

    // a campaign, with variant A made for it and variant B added
    ops.get(APP + "/ops/campaigns/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-form")));
    String name = "Winter webinar " + tag;
    ops.findElement(By.id("name")).sendKeys(name);
    new Select(ops.findElement(By.id("channel"))).selectByValue("email");
    ops.findElement(By.id("budget")).sendKeys("8000");
    ops.findElement(By.id("goalLeads")).sendKeys("150");
    PackagedAppIT.screenshot(ops, "ops-campaign-new.png");
    click(ops, ops.findElement(By.id("save-campaign")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("variants")));

    click(ops, ops.findElement(By.cssSelector("#variant-new summary")));
    ops.findElement(By.id("v-name")).sendKeys("B");
    ops.findElement(By.id("v-headline")).sendKeys("See the whole funnel in one place");
    ops.findElement(By.id("v-cta")).sendKeys("Save my seat");
    click(ops, ops.findElement(By.id("add-variant")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    click(ops, ops.findElement(By.id("to-active")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "Active"));
    PackagedAppIT.screenshot(ops, "ops-campaign.png");

    List<WebElement> cards = ops.findElements(By.cssSelector(".variant-card"));
    assertThat(cards).hasSize(2);
    WebElement b =
        cards.stream().filter(c -> c.getText().contains("Variant B")).findFirst().orElseThrow();
    String trackingLink = b.findElement(By.cssSelector("input[id^=link-]")).getAttribute("value");
    assertThat(trackingLink).startsWith(APP + "/t/");

    // a visitor follows the link, lands on the hosted form and answers
    WebDriverWait v = new WebDriverWait(visitor, Duration.ofSeconds(20));
    visitor.get(trackingLink);
    v.until(ExpectedConditions.presenceOfElementLocated(By.id("lead-form")));
    assertThat(visitor.getCurrentUrl()).contains("/f/").contains("utm_content=");
    assertThat(visitor.findElement(By.id("form-headline")).getText())
        .isEqualTo("See the whole funnel in one place");
    String email = "kei." + tag + "@example.jp";
    visitor.findElement(By.id("firstName")).sendKeys("Kei");
    visitor.findElement(By.id("lastName")).sendKeys("Sato");
    visitor.findElement(By.id("email")).sendKeys(email);
    visitor.findElement(By.id("company")).sendKeys("Sato Trading");
    visitor.findElement(By.id("region")).sendKeys(region);
    PackagedAppIT.screenshot(visitor, "capture-form.png");
    click(visitor, visitor.findElement(By.id("form-submit")));
    v.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
    PackagedAppIT.screenshot(visitor, "capture-thanks.png");

    // the same form embedded, as the snippet on the variant's card says, in a partner's page on
    // another origin: it shows and takes an answer (two frame policies refused it before)
    String snippet = b.findElement(By.cssSelector("textarea[id^=embed-]")).getAttribute("value");
    assertThat(snippet).contains("<iframe");
    com.sun.net.httpserver.HttpServer partner =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<!doctype html><html><head><title>Partner</title></head><body>"
                      + "<h1>A partner's page</h1>"
                      + snippet
                      + "</body></html>")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    partner.start();
    String embeddedEmail = "aoi." + tag + "@example.jp";
    try {
      visitor.get(
          "http://127.0.0.1:" + partner.getAddress().getPort() + "/webinar?utm_source=partner");
      WebElement frame =
          v.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("iframe[id^=loop-form-]")));
      assertThat(frame.getAttribute("src")).startsWith(APP + "/f/");
      visitor.switchTo().frame(frame);
      v.until(ExpectedConditions.presenceOfElementLocated(By.id("lead-form")));
      visitor.findElement(By.id("firstName")).sendKeys("Aoi");
      visitor.findElement(By.id("lastName")).sendKeys("Mori");
      visitor.findElement(By.id("email")).sendKeys(embeddedEmail);
      visitor.findElement(By.id("company")).sendKeys("Mori Design");
      visitor.findElement(By.id("region")).sendKeys(region);
      click(visitor, visitor.findElement(By.id("form-submit")));
      v.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
      visitor.switchTo().defaultContent();
      PackagedAppIT.screenshot(visitor, "capture-embedded.png");
    } finally {
      visitor.switchTo().defaultContent();
      partner.stop(0);
    }
    ops.get(APP + "/ops/leads?q=" + embeddedEmail);
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lead-row")))
                .getText())
        .contains("Aoi Mori")
        .contains(name);

    // operations finds the lead, routed to a Team East rep, attributed to variant B
    ops.get(APP + "/ops/leads?q=" + email);
    WebElement row =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lead-row")));
    assertThat(row.getText()).contains("Kei Sato").contains(name);
    // a Team East rep; the admin journey just added Nina, who has the fewest open leads
    assertThat(row.getText()).containsAnyOf("Nina North", "Sam Sales", "Rita Rep", "Max Manager");
    PackagedAppIT.screenshot(ops, "ops-leads.png");
    row.findElement(By.cssSelector("a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    assertThat(ops.getPageSource()).contains(name);
    PackagedAppIT.screenshot(ops, "ops-lead-page.png");

    // an audience of the region's leads: counted live while it is built, its members listed
    ops.get(APP + "/ops/audiences/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audience-form")));
    ops.findElement(By.id("name")).sendKeys("Kansai leads " + tag);
    ops.findElement(By.id("region")).sendKeys(region + org.openqa.selenium.Keys.TAB);
    wait.until(
        ExpectedConditions.textMatches(
            By.id("live-count"), java.util.regex.Pattern.compile("\\d+ leads match now")));
    PackagedAppIT.screenshot(ops, "ops-audience-new.png");
    click(ops, ops.findElement(By.id("save-audience")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audience-preview")));
    assertThat(ops.findElement(By.id("audience-preview")).getText()).contains("Kei Sato");
    PackagedAppIT.screenshot(ops, "ops-audience.png");

    ops.get(APP + "/ops/campaigns");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaigns-table")));
    PackagedAppIT.screenshot(ops, "ops-campaigns.png");
    ops.get(APP + "/ops/import");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
    PackagedAppIT.screenshot(ops, "ops-import.png");
  }
}
