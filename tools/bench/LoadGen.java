import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed arrival rate (the benchmark harness's generator, run by
 * tools/bench/bench.sh with HdrHistogram on the class path): request i is due at start + i / rate
 * whether or not earlier ones have answered, and its latency is counted from that due time, so a
 * stalled server shows in the percentiles instead of slowing the load (no coordinated omission).
 *
 * <p>Usage: {@code java -cp HdrHistogram.jar LoadGen.java URL RATE SECONDS [options]} with options
 * {@code --warmup S}, {@code --header "Name: value"} (repeatable), {@code --post FILE} (a body; a
 * {@code %n} in it and in headers becomes the request's number, so each POST can be new, and
 * {@code %ip} a client address of the request's own), {@code --workers N}
 * (connections, each kept alive; default 64), {@code --max-open N} (requests waiting before new
 * ones count as dropped; default 2000), {@code --method M} (a body sent with another method than
 * POST, e.g. PATCH), {@code --ids FILE} (one record id a line: {@code __ID__} in the URL becomes the
 * request's own, spread over them). Prints one line of JSON.
 */
public class LoadGen {
  /** The ids {@code __ID__} in the URL takes, one after another. */
  static List<String> ids = List.of();

  /** The method of a request with a body. */
  static String bodyMethod = "POST";

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: LoadGen URL RATE SECONDS [--warmup S] [--header H] [--post FILE]");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    double seconds = Double.parseDouble(args[2]);
    double warmup = 0;
    int maxOpen = 2000;
    int workers = 64;
    String body = null;
    List<String> headers = new ArrayList<>();
    String method = null;
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--header" -> headers.add(args[++i]);
        case "--post" -> body = Files.readString(Path.of(args[++i]));
        case "--max-open" -> maxOpen = Integer.parseInt(args[++i]);
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--method" -> method = args[++i];
        case "--ids" -> ids = Files.readAllLines(Path.of(args[++i])).stream().filter(l -> !l.isBlank()).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (method != null) {
      bodyMethod = method;
    }
    // keep one connection per worker alive (the JDK keeps 5 per host by default)
    System.setProperty("http.maxConnections", Integer.toString(workers));
    if (warmup > 0) {
      run(uri, rate, warmup, headers, body, workers, maxOpen, "w");
    }
    Result r = run(uri, rate, seconds, headers, body, workers, maxOpen, "m");
    System.out.println(r.json());
    System.exit(0);
  }

  record Result(
      double rate,
      double seconds,
      long sent,
      long ok,
      long dropped,
      Map<Integer, Long> statuses,
      long errors,
      org.HdrHistogram.Histogram h) {
    String json() {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(
              java.util.Locale.ROOT,
              "{\"rate\":%.0f,\"achieved\":%.1f,\"sent\":%d,\"ok\":%d,\"dropped\":%d,\"errors\":%d,"
                  + "\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f,"
                  + "\"statuses\":{",
              rate,
              ok / seconds,
              sent,
              ok,
              dropped,
              errors,
              ms(h.getValueAtPercentile(50)),
              ms(h.getValueAtPercentile(90)),
              ms(h.getValueAtPercentile(99)),
              ms(h.getValueAtPercentile(99.9)),
              ms(h.getMaxValue())));
      String sep = "";
      for (Map.Entry<Integer, Long> e : statuses.entrySet()) {
        s.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
        sep = ",";
      }
      return s.append("}}").toString();
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }

  static Result run(
      URI uri,
      double rate,
      double seconds,
      List<String> headers,
      String body,
      int workers,
      int maxOpen,
      String phase)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    AtomicLong dropped = new AtomicLong();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
    long total = Math.round(rate * seconds);
    long runId = System.nanoTime() % 1_000_000_000L;
    long[] stop = {Long.MIN_VALUE, -1};
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  long[] ticket;
                  try {
                    ticket = due.take();
                  } catch (InterruptedException e) {
                    return;
                  }
                  if (ticket == stop) {
                    return;
                  }
                  try {
                    int status = send(uri, headers, body, phase + runId + "-" + ticket[1]);
                    long micros = (System.nanoTime() - ticket[0]) / 1000;
                    statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                    if (status < 400) {
                      ok.increment();
                      recorder.recordValue(Math.max(1, micros));
                    }
                  } catch (java.io.IOException e) {
                    errors.increment();
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    long start = System.nanoTime();
    double interval = 1e9 / rate;
    for (long i = 0; i < total; i++) {
      long at = start + (long) (i * interval);
      long wait = at - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (due.size() >= maxOpen) {
        // the server is this far behind: the request counts as failed at its due time
        dropped.incrementAndGet();
        continue;
      }
      due.add(new long[] {at, i});
    }
    for (int w = 0; w < workers; w++) {
      due.add(stop);
    }
    for (Thread t : threads) {
      t.join(30_000);
    }
    double took = Math.max(seconds, (System.nanoTime() - start) / 1e9);
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
    return new Result(
        rate,
        took,
        total,
        ok.sum(),
        dropped.get(),
        byStatus,
        errors.sum(),
        recorder.getIntervalHistogram());
  }

  /**
   * The request's own values: {@code %n} its number (unique per run), {@code %ip} a client address
   * of its own (for a server that trusts the forwarded address, as behind a proxy).
   */
  static String fill(String template, String n) {
    if (!template.contains("%")) {
      return template;
    }
    int h = n.hashCode() & 0xffffff;
    return template
        .replace("%ip", "10." + (h >> 16 & 255) + "." + (h >> 8 & 255) + "." + (h & 255))
        .replace("%n", n);
  }

  /** One request on a kept-alive connection; the whole answer is read so the connection is reused. */
  static int send(URI template, List<String> headers, String body, String n)
      throws java.io.IOException {
    URI uri = template;
    if (!ids.isEmpty() && template.toString().contains("__ID__")) {
      long i = Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
      uri = URI.create(template.toString().replace("__ID__", ids.get((int) (i % ids.size()))));
    }
    if (body != null && !bodyMethod.equals("POST")) {
      return sendOther(uri, headers, body, n);
    }
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setInstanceFollowRedirects(false);
    c.setConnectTimeout(5_000);
    c.setReadTimeout(30_000);
    for (String h : headers) {
      int colon = h.indexOf(':');
      c.setRequestProperty(h.substring(0, colon).trim(), fill(h.substring(colon + 1).trim(), n));
    }
    if (body != null) {
      byte[] bytes = fill(body, n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      if (c.getRequestProperty("Content-Type") == null) {
        c.setRequestProperty("Content-Type", "application/json");
      }
      c.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    if (in != null) {
      try (in) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return status;
  }

  private static final java.net.http.HttpClient OTHER =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .connectTimeout(java.time.Duration.ofSeconds(5))
          .build();

  /** A request whose method HttpURLConnection does not send (PATCH), with the JDK's HttpClient. */
  static int sendOther(URI uri, List<String> headers, String body, String n)
      throws java.io.IOException {
    var b =
        java.net.http.HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofSeconds(30))
            .method(bodyMethod, java.net.http.HttpRequest.BodyPublishers.ofString(fill(body, n)));
    boolean typed = false;
    for (String h : headers) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim();
      typed |= name.equalsIgnoreCase("Content-Type");
      b.header(name, fill(h.substring(colon + 1).trim(), n));
    }
    if (!typed) {
      b.header("Content-Type", "application/json");
    }
    try {
      return OTHER.send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.IOException(e);
    }
  }
}
