package io.loopcrm.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for webhooks on a loopback port (the JDK's server): keeps every request it
 * gets, with its headers by lower-case name, and answers with {@link #status} (a redirect when it
 * is 3xx).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** A request as received. */
  public record Received(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  public final List<Received> received = new CopyOnWriteArrayList<>();
  public final AtomicInteger status = new AtomicInteger(200);

  /** How long it takes to answer, in milliseconds (a slow receiver keeps deliveries in flight). */
  public final AtomicInteger delayMillis = new AtomicInteger();

  private final HttpServer server;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, List<String>> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
          received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
          try {
            Thread.sleep(delayMillis.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          int s = status.get();
          if (s >= 300 && s < 400) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
          }
          byte[] answer = ("answered " + s).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(s, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.start();
  }

  /** Where it listens: {@code http://127.0.0.1:port/path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
