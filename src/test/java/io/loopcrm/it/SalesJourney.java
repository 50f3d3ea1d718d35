package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A rep's main journey in a real browser: accept a waiting lead, convert it, drag the deal to won.
 */
final class SalesJourney {
  private static final String APP = PackagedEnv.APP;

  private SalesJourney() {}

  /** Returns the id of the deal it won. */
  static long acceptConvertAndWin(WebDriver driver, Path screenshots) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(APP + "/sales/today");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("waiting-leads")));
    PackagedAppIT.screenshot(driver, "today-sales.png");
    driver.findElement(By.cssSelector("#waiting-leads a")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
    PackagedAppIT.screenshot(driver, "lead-page.png");
    driver.findElement(By.cssSelector("label[for=quality-4]")).click();
    driver.findElement(By.cssSelector("#accept-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    assertThat(driver.findElement(By.id("flash")).getText()).contains("Lead accepted.");

    driver.findElement(By.id("convert")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("convert-form")));
    WebElement amount = driver.findElement(By.id("amount"));
    amount.clear();
    amount.sendKeys("25000");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('expectedClose').value = arguments[0];",
            LocalDate.now().plusDays(14).toString());
    PackagedAppIT.screenshot(driver, "convert.png");
    driver.findElement(By.cssSelector("#convert-form button[type=submit]")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-form")));
    long dealId =
        Long.parseLong(driver.getCurrentUrl().replaceAll(".*/sales/deals/(\\d+).*", "$1"));
    PackagedAppIT.screenshot(driver, "deal-page.png");

    driver.get(APP + "/sales/pipeline");
    WebElement card =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-card-" + dealId)));
    WebElement won = driver.findElement(By.cssSelector(".board-won"));
    PackagedAppIT.screenshot(driver, "pipeline-before.png");
    // Chrome does not let WebDriver perform native HTML5 drag-and-drop, so the drag events the
    // board listens to are dispatched the way the browser would
    ((JavascriptExecutor) driver)
        .executeScript(
            "const card = arguments[0], column = arguments[1], data = new DataTransfer();"
                + "card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));",
            card,
            won);
    wait.until(ExpectedConditions.stalenessOf(card));
    assertThat(driver.findElements(By.id("deal-card-" + dealId)))
        .as("a won deal leaves the open columns")
        .isEmpty();
    PackagedAppIT.screenshot(driver, "pipeline-after.png");

    driver.get(APP + "/sales/deals/" + dealId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-status")));
    assertThat(driver.findElement(By.id("deal-status")).getText()).isEqualTo("Won");
    return dealId;
  }

  /**
   * A repeat purchase as a rep does it: search the customer's name in the navbar, open the account,
   * log a new deal on it, schedule a task on the deal, mark the task done from the task list, and
   * drag the deal to won.
   */
  static void repeatPurchase(WebDriver driver, long firstDealId) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(APP + "/sales/deals/" + firstDealId);
    String accountName =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-account"))).getText();

    WebElement box = driver.findElement(By.id("nav-q"));
    box.sendKeys(accountName);
    box.submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-accounts")));
    PackagedAppIT.screenshot(driver, "search-en.png");
    driver.findElements(By.cssSelector("#search-accounts a")).stream()
        .filter(a -> a.getText().equals(accountName))
        .findFirst()
        .orElseThrow()
        .click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-name")));
    assertThat(driver.findElement(By.id("account-name")).getText()).isEqualTo(accountName);
    PackagedAppIT.screenshot(driver, "account-en.png");
    driver.findElement(By.id("new-deal")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-form")));
    driver.findElement(By.id("dealName")).sendKeys("Second order");
    driver.findElement(By.id("amount")).sendKeys("4000");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('expectedClose').value = arguments[0];",
            LocalDate.now().plusDays(7).toString());
    PackagedAppIT.screenshot(driver, "deal-new-en.png");
    driver.findElement(By.id("save")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activity-form")));
    long dealId =
        Long.parseLong(driver.getCurrentUrl().replaceAll(".*/sales/deals/(\\d+).*", "$1"));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind")))
        .selectByValue("task");
    driver.findElement(By.id("subject")).sendKeys("Send the order confirmation");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('due').value = arguments[0];",
            LocalDate.now().plusDays(1) + "T10:00");
    // the button lies below the window's fold; the page scrolls smoothly (Bootstrap's
    // scroll-behavior), and Chromium 156 clicks before such a scroll ends: scroll at once first
    WebElement add = driver.findElement(By.cssSelector("#activity-form button[type=submit]"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", add);
    add.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));

    driver.get(APP + "/sales/tasks");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-row")));
    PackagedAppIT.screenshot(driver, "tasks-en.png");
    WebElement row =
        driver.findElements(By.cssSelector(".task-row")).stream()
            .filter(r -> r.getText().contains("Send the order confirmation"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector(".task-done")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector(".task-row")).stream()
                .anyMatch(
                    r ->
                        r.getText().contains("Send the order confirmation")
                            && !r.findElements(By.cssSelector(".task-undo")).isEmpty()));
    driver.get(APP + "/sales/tasks?show=done");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-rows")));
    assertThat(driver.findElement(By.id("task-rows")).getText())
        .contains("Send the order confirmation");

    driver.get(APP + "/sales/pipeline");
    WebElement card =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-card-" + dealId)));
    ((JavascriptExecutor) driver)
        .executeScript(
            "const card = arguments[0], column = arguments[1], data = new DataTransfer();"
                + "card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));",
            card,
            driver.findElement(By.cssSelector(".board-won")));
    wait.until(ExpectedConditions.stalenessOf(card));
    driver.get(APP + "/sales/deals/" + dealId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-status")));
    assertThat(driver.findElement(By.id("deal-status")).getText()).isEqualTo("Won");
  }
}
