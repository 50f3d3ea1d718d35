package io.loopcrm.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expectations of {@code security/route-matrix.txt}: one row per route of the application. */
final class RouteMatrix {
  /** The identities, in the file's column order. */
  enum Identity {
    ANON,
    REP,
    OTHER,
    MANAGER,
    OPS,
    ADMIN,
    CLIENT
  }

  /** One route, the records its path parameters name, and the outcome for each identity. */
  record Row(String method, String path, Map<String, String> args, Map<Identity, String> expect) {
    String key() {
      return method + " " + path;
    }

    boolean changesState() {
      return !method.equals("GET");
    }

    boolean api() {
      return path.startsWith("/api/");
    }

    /** A post a browser makes with the user's cookies: it must carry the CSRF token. */
    boolean needsCsrf() {
      return changesState() && !api() && !"none".equals(args.get("csrf"));
    }
  }

  private RouteMatrix() {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = RouteMatrix.class.getResourceAsStream("/security/route-matrix.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != 3 + Identity.values().length) {
          throw new IllegalStateException("route-matrix.txt: wrong number of columns: " + line);
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (!f[2].equals("-")) {
          for (String a : f[2].split(",")) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv[1]);
          }
        }
        Map<Identity, String> expect = new LinkedHashMap<>();
        for (Identity id : Identity.values()) {
          expect.put(id, f[3 + id.ordinal()]);
        }
        rows.add(new Row(f[0], f[1], args, expect));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
