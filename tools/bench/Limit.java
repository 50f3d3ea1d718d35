import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

/**
 * The limit the benchmark compares every page with: the lead list's first page (the same rows and
 * joins as the operations lead list, newest first, 50 rows and the capped count) fetched with plain
 * JDBC and written as a minimal HTML table by the JDK's own HTTP server, with no framework, no
 * session, no template engine in between. Run by tools/bench/bench.sh with the PostgreSQL driver on
 * the class path: {@code java -cp postgresql.jar Limit.java PORT JDBC_URL USER PASSWORD}.
 */
public class Limit {
  static final String ROWS =
      "select l.id, l.first_name, l.last_name, l.company, l.email, l.phone, l.status, l.score,"
          + " l.source, l.region, c.name, m.display_name, l.created_at from lead l"
          + " left join campaign c on c.id = l.campaign_id left join member m on m.id = l.owner_id"
          + " order by l.created_at desc, l.id desc limit 51";
  static final String COUNT = "select count(*) from (select 1 from lead l limit 10001) x";

  public static void main(String[] args) throws Exception {
    // without this the JDK's server waits for the delayed ACK (Nagle): about 40 ms per answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = Integer.parseInt(args[0]);
    int pool = 8;
    BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(pool);
    for (int i = 0; i < pool; i++) {
      connections.add(DriverManager.getConnection(args[1], args[2], args[3]));
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newFixedThreadPool(pool));
    server.createContext(
        "/leads",
        exchange -> {
          byte[] page;
          Connection c = null;
          try {
            c = connections.take();
            page = render(c).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
          } catch (SQLException | InterruptedException e) {
            page = e.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, page.length);
          } finally {
            if (c != null) {
              connections.add(c);
            }
          }
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
    System.out.println("limit server on http://127.0.0.1:" + port + "/leads");
  }

  static String render(Connection c) throws SQLException {
    StringBuilder html =
        new StringBuilder(16_384)
            .append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Leads</title>")
            .append("</head><body><table><thead><tr><th>Name</th><th>Company</th><th>E-mail</th>")
            .append("<th>Phone</th><th>Status</th><th>Score</th><th>Source</th><th>Region</th>")
            .append("<th>Campaign</th><th>Owner</th><th>Created</th></tr></thead><tbody>");
    try (PreparedStatement s = c.prepareStatement(ROWS);
        ResultSet r = s.executeQuery()) {
      int n = 0;
      while (r.next() && n++ < 50) {
        html.append("<tr><td><a href=\"/leads/").append(r.getLong(1)).append("\">");
        esc(html, r.getString(2)).append(' ');
        esc(html, r.getString(3)).append("</a></td>");
        for (int col : new int[] {4, 5, 6, 7, 8, 9, 10, 11, 12, 13}) {
          esc(html.append("<td>"), r.getString(col)).append("</td>");
        }
        html.append("</tr>");
      }
    }
    try (PreparedStatement s = c.prepareStatement(COUNT);
        ResultSet r = s.executeQuery()) {
      r.next();
      html.append("</tbody></table><p>").append(r.getLong(1)).append(" leads</p></body></html>");
    }
    return html.toString();
  }

  static StringBuilder esc(StringBuilder out, String s) {
    if (s == null) {
      return out;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out;
  }
}
