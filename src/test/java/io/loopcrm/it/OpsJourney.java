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

    ops.get(APP + "/ops/campaigns");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaigns-table")));
    PackagedAppIT.screenshot(ops, "ops-campaigns.png");
    ops.get(APP + "/ops/import");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
    PackagedAppIT.screenshot(ops, "ops-import.png");
  }
}
