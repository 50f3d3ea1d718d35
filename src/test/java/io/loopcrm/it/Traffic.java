package io.loopcrm.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Steady traffic against a running instance, as its users make it: visitors sending the public
 * form, an integration creating leads through the API, a rep creating leads by hand and opening
 * pages. Every request is recorded with when it was sent, how long it took and what it was told, so
 * a test can compare what clients were told with what the database kept.
 */
final class Traffic implements AutoCloseable {
  /** One request: its kind, when it was sent (ms since the traffic began), its duration. */
  record Answer(String kind, long sentMs, long tookMs, int status, String email, String body) {
    boolean failed() {
      return status < 0 || status >= 500;
    }

    /** Whether the client was told that its write was kept. */
    boolean acknowledged() {
      return email != null && (status == 201 || status == 200 || status == 303);
    }
  }

  private static final String TOKEN = io.loopcrm.testing.Csrf.token();
  private final String base;
  private final String repCookies;
  private final String apiToken;
  private final String formCode;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final long began = System.nanoTime();

  Traffic(String base, String repCookies, String apiToken, String formCode) {
    this.base = base;
    this.repCookies = repCookies;
    this.apiToken = apiToken;
    this.formCode = formCode;
  }

  /** Starts the clients: two visitors, one integration, one rep writing, one rep reading. */
  Traffic start() {
    loop("form", this::form);
    loop("form", this::form);
    loop("api", this::api);
    loop("rep-write", this::repWrite);
    loop("page", () -> get("/sales/today"));
    for (Thread t : threads) {
      t.start();
    }
    return this;
  }

  long nowMs() {
    return (System.nanoTime() - began) / 1_000_000;
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  private void loop(String kind, java.util.function.Supplier<HttpRequest.Builder> next) {
    Thread t =
        new Thread(
            () -> {
              while (running.get()) {
                String email = kind.equals("page") ? null : UUID.randomUUID() + "@fault.example";
                current.set(email);
                HttpRequest request = next.get().timeout(Duration.ofSeconds(15)).build();
                long sent = nowMs();
                int status;
                String body;
                try {
                  HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                  status = r.statusCode();
                  body = r.body();
                } catch (Exception e) {
                  status = -1;
                  body = e.toString();
                }
                answers.add(new Answer(kind, sent, nowMs() - sent, status, email, body));
                try {
                  Thread.sleep(40);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "traffic-" + kind);
    t.setDaemon(true);
    threads.add(t);
  }

  /** The e-mail the current thread's next write uses. */
  private final ThreadLocal<String> current = new ThreadLocal<>();

  private HttpRequest.Builder form() {
    return post(
            "/f/" + formCode,
            Map.of("firstName", "Fiona", "lastName", "Fault", "email", current.get()))
        .header("X-Forwarded-For", "10.9." + (current.get().hashCode() & 0xff) + ".1");
  }

  private HttpRequest.Builder api() {
    String json =
        "{\"firstName\":\"Api\",\"lastName\":\"Fault\",\"email\":\"" + current.get() + "\"}";
    return HttpRequest.newBuilder(URI.create(base + "/api/leads"))
        .header("Authorization", "Bearer " + apiToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder repWrite() {
    return post(
            "/sales/leads/new",
            Map.of(
                "firstName",
                "Hand",
                "lastName",
                "Fault",
                "email",
                current.get(),
                "source",
                "phone",
                "csrf-token",
                TOKEN))
        .header("Cookie", repCookies + "; csrf-token=" + TOKEN);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", repCookies).GET();
  }

  private HttpRequest.Builder post(String path, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept-Language", "en")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(20_000);
    }
  }
}
