import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for the benchmark: answers every POST with 204 on 127.0.0.1 (port: first
 * argument, 9099) and prints how many it received each 10 seconds. Stops after the seconds of the
 * second argument (600). Run: java tools/bench/WebhookSink.java 9099 600
 */
public class WebhookSink {
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 600;
    AtomicLong received = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.start();
    long end = System.currentTimeMillis() + seconds * 1000;
    long last = 0;
    while (System.currentTimeMillis() < end) {
      Thread.sleep(10_000);
      long now = received.get();
      System.out.printf("received %d (%d/s over the last 10 s)%n", now, (now - last) / 10);
      last = now;
    }
    server.stop(0);
  }
}
