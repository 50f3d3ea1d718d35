import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walk-through of a running Loop CRM as each demo user, in English and Chinese, at the widths
 * people use (800, 1024, 1200, 1280, 1366 px): signs in through Keycloak, opens each user's pages, saves a
 * screenshot of each and prints a line per page with what a reader would trip over: a navbar
 * taller than one line (it wraps) or wider than the window, and the console's CSP violations.
 *
 * <p>Usage: {@code java -cp <selenium> tools/browser/Walk.java BASE OUT_DIR}.
 */
public class Walk {
  record Stop(String user, List<String> paths) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<Stop> stops =
        List.of(
            new Stop("sam", List.of("/sales/today", "/sales/leads", "/sales/pipeline")),
            new Stop("max", List.of("/sales/leads", "/sales/team", "/sales/numbers")),
            new Stop("olga", List.of("/ops/campaigns", "/ops/funnel", "/ops/leads", "/ops/audiences", "/ops/audiences/new")),
            new Stop("ada", List.of("/admin/users", "/admin/settings", "/admin/webhooks", "/admin/audit")));
    for (Stop stop : stops) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--window-size=1366,900",
          "--user-data-dir=" + Files.createTempDirectory("walk"));
      ChromeDriver driver =
          new ChromeDriver(
              new ChromeDriverService.Builder()
                  .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                  .build(),
              options);
      try {
        driver.get(base + stop.paths().get(0));
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(stop.user());
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> !d.findElements(By.id("current-user")).isEmpty());
        for (String lang : List.of("en", "zh-CN")) {
          driver.get(base + "/lang/" + lang + "?back=/");
          for (String path : stop.paths()) {
            for (int width : new int[] {800, 1024, 1200, 1280, 1366}) {
              driver.manage().window().setSize(new Dimension(width, 900));
              driver.get(base + path);
              new WebDriverWait(driver, Duration.ofSeconds(20))
                  .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
              Object nav =
                  ((JavascriptExecutor) driver)
                      .executeScript(
                          "const n = document.querySelector('nav.navbar');"
                              + "return n.getBoundingClientRect().height + ' '"
                              + " + document.documentElement.scrollWidth;");
              String name =
                  stop.user()
                      + path.replace('/', '-')
                      + "-"
                      + lang
                      + "-"
                      + width
                      + ".png";
              Files.write(out.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
              String[] h = nav.toString().split(" ");
              double height = Double.parseDouble(h[0]);
              int scroll = (int) Double.parseDouble(h[1]);
              System.out.printf(
                  "%s %s %s %d: navbar %.0f px high%s, page %d px wide%s%n",
                  stop.user(),
                  lang,
                  path,
                  width,
                  height,
                  height > 70 ? " (WRAPS)" : "",
                  scroll,
                  scroll > width ? " (WIDER THAN THE WINDOW)" : "");
            }
          }
        }
      } finally {
        driver.quit();
      }
    }
  }
}
