package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.stack.PostgresServer;
import io.loopcrm.testing.Mailboxes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A rep hears of a new lead and answers it by e-mail, in a real browser against the packaged app
 * and the real mail server: the bell's count rises when a lead is handed to the rep, the
 * notification opens the lead, the e-mail written there arrives in the customer's mailbox, and the
 * customer's answer shows on the lead's timeline; the same pages in Chinese.
 */
final class MailJourney {
  private static final String APP = PackagedEnv.APP;

  private MailJourney() {}

  static void newLeadToAnswer(WebDriver driver, String jdbcUrl) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
    driver.get(APP + "/sales/today");
    int before = bell(driver, wait);

    // a lead handed to Sam (as the routing of a capture or a manager's hand-over writes it)
    String customer = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    long lead = handToSam(jdbcUrl, customer);
    // the bell asks again every 30 s: the count rises without a reload
    wait.until(d -> bell(d, null) > before);
    PackagedAppIT.screenshot(driver, "bell-en.png");

    driver.findElement(By.id("bell-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
    PackagedAppIT.screenshot(driver, "notifications-en.png");
    WebElement mine = driver.findElement(By.cssSelector("#notifications li button"));
    assertThat(mine.getText()).contains("Ana Journey");
    mine.click();
    wait.until(ExpectedConditions.urlContains("/sales/leads/" + lead));

    driver.findElement(By.id("write-mail")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mail-form")));
    assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo(customer);
    driver.findElement(By.id("subject")).sendKeys("Your question about Loop");
    WebElement body = driver.findElement(By.id("body"));
    assertThat(body.getAttribute("value")).startsWith("Ana,").contains("Sam Sales");
    body.clear();
    body.sendKeys("Ana,\n\nHere is our offer.\n\n-- \nSam Sales");
    PackagedAppIT.screenshot(driver, "mail-compose-en.png");
    WebElement send = driver.findElement(By.id("send-mail"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", send);
    send.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    assertThat(driver.findElement(By.id("timeline")).getText())
        .contains("Your question about Loop");

    List<Mailboxes.Read> inbox = Mailboxes.read(customer, customer, 1, Duration.ofSeconds(30));
    assertThat(inbox).hasSize(1);
    Mailboxes.Read got = inbox.get(0);
    assertThat(got.body()).contains("Here is our offer.");
    Mailboxes.send(
        customer,
        got.replyTo(),
        "Re: Your question about Loop",
        "Thanks, we will buy.",
        got.messageId(),
        false);
    // the replies mailbox is read every 10 s
    wait.until(
        d -> {
          d.navigate().refresh();
          return d.findElement(By.id("timeline")).getText().contains("Thanks, we will buy.");
        });
    PackagedAppIT.screenshot(driver, "mail-reply-en.png");

    driver.get(APP + "/lang/zh-CN?back=/sales/leads/" + lead);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(driver.findElement(By.id("write-mail")).getText()).isEqualTo("写邮件");
    assertThat(driver.findElement(By.id("timeline")).getText()).contains("已收到");
    PackagedAppIT.screenshot(driver, "mail-reply-zh.png");
    driver.get(APP + "/sales/leads/" + lead + "/email");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mail-form")));
    PackagedAppIT.screenshot(driver, "mail-compose-zh.png");
    driver.get(APP + "/sales/notifications");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notify-preference")));
    PackagedAppIT.screenshot(driver, "notifications-zh.png");
    driver.get(APP + "/lang/en?back=/sales/today");
  }

  /** The bell's unread count as the page shows it (0 without a badge); waits for it to load. */
  private static int bell(WebDriver driver, WebDriverWait wait) {
    if (wait != null) {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bell-link")));
    }
    List<WebElement> count = driver.findElements(By.id("bell-count"));
    return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText().trim());
  }

  private static long handToSam(String jdbcUrl, String email) throws Exception {
    try (Connection c =
        DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD)) {
      long sam;
      try (ResultSet rs =
          c.createStatement().executeQuery("select id from member where username = 'sam'")) {
        rs.next();
        sam = rs.getLong(1);
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into lead (id, first_name, last_name, company, email, email_normalized,"
                  + " source, status, owner_id, assigned_at, created_at, updated_at, version,"
                  + " routing_kind, quality, score, routing_by)"
                  + " values (nextval('lead_seq'), 'Ana', 'Journey', 'Journey Ltd', ?, ?, 'web',"
                  + " 'assigned', ?, now(), now(), now(), 0, 'assigned', null, 0, 'Max Manager') returning id")) {
        p.setString(1, email);
        p.setString(2, email);
        p.setLong(3, sam);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }
}
