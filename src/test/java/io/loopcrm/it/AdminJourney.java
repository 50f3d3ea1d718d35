package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin's journey in a real browser: create a sales user in Keycloak with a team, then the new
 * user signs in for the first time, sets their own password and lands on their Today page.
 */
final class AdminJourney {
  private static final String APP = PackagedEnv.APP;

  private AdminJourney() {}

  static void createSalesUserWithTeam(WebDriver admin, WebDriver newcomer) throws Exception {
    WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(20));
    PackagedAppIT.signIn(admin, "ada", "Ada Admin");

    admin.get(APP + "/admin/users");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users-table")));
    PackagedAppIT.screenshot(admin, "admin-users.png");
    admin.findElement(By.id("new-user")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-form")));

    String username = "nina-" + UUID.randomUUID().toString().substring(0, 6);
    admin.findElement(By.id("username")).sendKeys(username);
    admin.findElement(By.id("email")).sendKeys(username + "@loop.example");
    admin.findElement(By.id("firstName")).sendKeys("Nina");
    admin.findElement(By.id("lastName")).sendKeys("North");
    admin.findElement(By.id("password")).sendKeys("Welcome-2026");
    assertThat(admin.findElement(By.id("role-sales")).isSelected()).isTrue();
    new Select(admin.findElement(By.id("team"))).selectByVisibleText("Team East");
    PackagedAppIT.screenshot(admin, "admin-user-new.png");
    admin.findElement(By.id("save-user")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    assertThat(admin.findElement(By.id("flash")).getText()).contains("User created in Keycloak");
    PackagedAppIT.screenshot(admin, "admin-user-edit.png");

    admin.get(APP + "/admin/users?q=" + username);
    String row =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-" + username)))
            .getText();
    assertThat(row).contains("Nina North").contains("Sales").contains("Team East");

    admin.get(APP + "/admin/teams");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("teams-table")));
    PackagedAppIT.screenshot(admin, "admin-teams.png");
    admin.get(APP + "/admin/settings");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stages")));
    PackagedAppIT.screenshot(admin, "admin-settings.png");

    // the new user's first sign-in: Keycloak asks for a new password, then Today opens
    WebDriverWait next = new WebDriverWait(newcomer, Duration.ofSeconds(20));
    newcomer.get(APP + "/");
    next.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
    newcomer.findElement(By.id("username")).sendKeys(username);
    newcomer.findElement(By.id("password")).sendKeys("Welcome-2026");
    newcomer.findElement(By.id("kc-login")).click();
    next.until(ExpectedConditions.presenceOfElementLocated(By.id("password-new")));
    newcomer.findElement(By.id("password-new")).sendKeys("Nina-own-pass-1");
    newcomer.findElement(By.id("password-confirm")).sendKeys("Nina-own-pass-1");
    newcomer.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
    next.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    assertThat(newcomer.getCurrentUrl()).isEqualTo(APP + "/sales/today");
    assertThat(newcomer.findElement(By.id("current-user")).getText()).contains("Nina North");
    PackagedAppIT.screenshot(newcomer, "newcomer-today.png");
  }
}
