package io.loopcrm.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.loopcrm.stack.DevStack;
import io.loopcrm.stack.Ports;
import io.loopcrm.stack.PostgresServer;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.KeycloakLogin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged application the way deploy/run.sh runs it: with its own embedded database whose data
 * survives a restart, with an external database given by environment variables, and signed into
 * through real Chromium.
 */
class PackagedAppIT {
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TempDir Path dataDir;

  private static Map<String, String> baseEnv() {
    return PackagedEnv.onPort(PackagedEnv.PORT);
  }

  @Test
  void runsOnItsEmbeddedDatabaseWithDemoDataThatSurvivesARestart() throws Exception {
    Map<String, String> env = baseEnv();
    env.put("LOOP_PG_PORT", Integer.toString(Ports.free()));

    WebDriver driver = chromium();
    try {
      long dealId;
      try (DevStack stack = DevStack.start(env, dataDir)) {
        assertThat(stack.startedDatabase()).isTrue();
        given().get(PackagedEnv.APP + "/q/health/ready").then().statusCode(200);
        // what a user keeps is flushed to disk before a commit is acknowledged
        assertThat(setting(env, "fsync")).isEqualTo("on");
        assertThat(setting(env, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(env, "full_page_writes")).isEqualTo("on");
        // plain HTTP on a laptop (LOOP_SECURE_COOKIES=false): no HSTS, which would pin localhost
        given()
            .get(PackagedEnv.APP + "/signed-out")
            .then()
            .statusCode(200)
            .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
        members().then().statusCode(200).body("$", hasSize(5));
        signIn(driver, "sam");
        dealId = SalesJourney.acceptConvertAndWin(driver, SCREENSHOTS);
        SalesJourney.repeatPurchase(driver, dealId);
        MailJourney.newLeadToAnswer(
            driver, "jdbc:postgresql://localhost:" + env.get("LOOP_PG_PORT") + "/loop");
      }

      try (DevStack again = DevStack.start(env, dataDir)) {
        // the same five members, not loaded twice
        members().then().statusCode(200).body("$", hasSize(5));
        // the browser's session survives the restart (tokens encrypted with the configured secret)
        // and the deal won before the restart is still won
        driver.get(PackagedEnv.APP + "/sales/deals/" + dealId);
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.presenceOfElementLocated(By.id("deal-status")));
        assertThat(driver.findElement(By.id("deal-status")).getText()).isEqualTo("Won");
        assertThat(driver.findElements(By.id("kc-form-login"))).isEmpty();

        driver.get(PackagedEnv.APP + "/lang/zh-CN?back=/sales/today");
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "今日"));
        screenshot(driver, "today-zh.png");
        for (String page :
            java.util.List.of("tasks", "accounts", "deals", "leads/new", "contacts")) {
          driver.get(PackagedEnv.APP + "/sales/" + page);
          new WebDriverWait(driver, Duration.ofSeconds(20))
              .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
          screenshot(driver, page.replace("/", "-") + "-zh.png");
        }
        driver.get(PackagedEnv.APP + "/no-such-page");
        screenshot(driver, "error-404-zh.png");

        WebDriver admin = chromium();
        WebDriver newcomer = chromium();
        try {
          AdminJourney.createSalesUserWithTeam(admin, newcomer);
        } finally {
          admin.quit();
          newcomer.quit();
        }

        WebDriver ops = chromium();
        WebDriver visitor = chromium();
        try {
          OpsJourney.campaignToRoutedLead(ops, visitor);
        } finally {
          ops.quit();
          visitor.quit();
        }
      }
    } finally {
      driver.quit();
    }
  }

  @Test
  void runsOnAnExternalDatabaseGivenByEnvironmentVariables() throws Exception {
    TestStack external = TestStack.get();
    external.ensureDatabase("external_check");
    Map<String, String> env = baseEnv();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", external.jdbcUrl("external_check"));
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    env.put("LOOP_DEMO_DATA", "false");

    try (DevStack stack = DevStack.start(env, dataDir)) {
      assertThat(stack.startedDatabase()).isFalse();
      given().get(PackagedEnv.APP + "/q/health/ready").then().statusCode(200);
      try (Connection c =
              DriverManager.getConnection(
                  external.jdbcUrl("external_check"),
                  PostgresServer.USER,
                  PostgresServer.PASSWORD);
          ResultSet rs =
              c.createStatement()
                  .executeQuery("select count(*) from flyway_schema_history where success")) {
        rs.next();
        assertThat(rs.getInt(1)).isPositive();
      }
      members().then().statusCode(200).body("$", hasSize(0));
    }
  }

  private static io.restassured.response.Response members() {
    return given()
        .auth()
        .oauth2(KeycloakLogin.accessToken("ada"))
        .get(PackagedEnv.APP + "/api/members");
  }

  static WebDriver chromium() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static void signIn(WebDriver driver, String username) throws Exception {
    signIn(driver, username, "Sam Sales");
    screenshot(driver, "home-sales-en.png");
  }

  static void signIn(WebDriver driver, String username, String name) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(PackagedEnv.APP + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
    screenshot(driver, "keycloak-login.png");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(KeycloakLogin.PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    assertThat(driver.findElement(By.id("current-user")).getText()).contains(name);
  }

  static void screenshot(WebDriver driver, String name) throws Exception {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
  }

  /** A setting of the run command's own database server. */
  private static String setting(Map<String, String> env, String name) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + env.get("LOOP_PG_PORT") + "/loop",
                PostgresServer.USER,
                PostgresServer.PASSWORD);
        ResultSet rs = c.createStatement().executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
