package io.loopcrm.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Six months of funnel history for the demo ({@code demo/funnel-history.sql}), so the funnel page
 * has clicks, conversions, wins, repeat purchases, referrals and spend to show on a first run.
 */
@ApplicationScoped
public class DemoFunnel {
  @Inject EntityManager em;

  /** Runs inside the demo data's transaction, after the campaigns and reps exist. */
  void load() {
    em.flush();
    for (String statement : script().split("\n;\n")) {
      if (!statement.isBlank()) {
        em.createNativeQuery(statement).executeUpdate();
      }
    }
  }

  private static String script() {
    try (InputStream in =
        DemoFunnel.class.getClassLoader().getResourceAsStream("demo/funnel-history.sql")) {
      if (in == null) {
        throw new IllegalStateException("demo/funnel-history.sql is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
