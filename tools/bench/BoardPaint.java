import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * When a board's cards are visible in Chromium: signs a user in through Keycloak, opens the board
 * {@code rounds} times after two warm-up loads, and prints one JSON line per board with the
 * medians and worst of the navigation's response start (server), the first contentful paint and
 * the moment the first card is laid out with a size (milliseconds from the navigation's start).
 *
 * <p>Usage: {@code java -cp <selenium> tools/bench/BoardPaint.java BASE USER PATH NAME [ROUNDS]}.
 */
public class BoardPaint {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String user = args[1];
    String path = args[2];
    String name = args[3];
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    Path profile = Files.createTempDirectory("board-paint");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(base + path);
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.id("username")).isEmpty());
      driver.findElement(By.id("username")).sendKeys(user);
      driver.findElement(By.id("password")).sendKeys("demo");
      driver.findElement(By.id("kc-login")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.cssSelector(".board-card")).isEmpty());
      List<Double> server = new ArrayList<>();
      List<Double> paint = new ArrayList<>();
      List<Double> card = new ArrayList<>();
      for (int i = 0; i < rounds + 2; i++) {
        driver.get(base + path);
        @SuppressWarnings("unchecked")
        Map<String, Object> t =
            (Map<String, Object>)
                ((JavascriptExecutor) driver)
                    .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                            + "const nav = performance.getEntriesByType('navigation')[0];"
                            + "const first = document.querySelector('.board-card');"
                            + "const box = first && first.getBoundingClientRect();"
                            + "requestAnimationFrame(() => requestAnimationFrame(() => {"
                            + "  const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
                            + "  done({server: nav.responseStart, dcl: nav.domContentLoadedEventEnd,"
                            + "        paint: fcp ? fcp.startTime : -1,"
                            + "        cards: document.querySelectorAll('.board-card').length,"
                            + "        sized: !!box && box.width > 0 && box.height > 0});"
                            + "}));");
        if (i < 2) {
          continue;
        }
        if (!(Boolean) t.get("sized")) {
          throw new IllegalStateException("no card laid out on " + path);
        }
        server.add(((Number) t.get("server")).doubleValue());
        paint.add(((Number) t.get("paint")).doubleValue());
        // the cards are in the page's HTML: laid out by the end of parsing, shown with that paint
        card.add(
            Math.max(((Number) t.get("dcl")).doubleValue(), ((Number) t.get("paint")).doubleValue()));
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "{\"kind\":\"paint\",\"target\":\"%s\",\"rounds\":%d,\"server_p50_ms\":%.1f,"
              + "\"paint_p50_ms\":%.1f,\"cards_p50_ms\":%.1f,\"cards_max_ms\":%.1f}%n",
          name,
          rounds,
          median(server),
          median(paint),
          median(card),
          Collections.max(card));
    } finally {
      driver.quit();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
