package io.loopcrm.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The funnel's functions and triggers have one current definition, {@code R__funnel.sql}: Flyway
 * runs a repeatable migration only when it changes, so a later versioned migration that replaced
 * one of them would leave the file stale, and the next change to the file would quietly undo it.
 */
class FunnelDefinitionTest {
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** The last versioned migration written before the funnel moved into R__funnel.sql. */
  private static final int BEFORE_ONE_PLACE = 26;

  private static final Pattern DEFINES =
      Pattern.compile(
          "create\\s+(?:or\\s+replace\\s+)?(function|trigger)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALTERS =
      Pattern.compile(
          "(?:create\\s+(?:or\\s+replace\\s+)?|drop\\s+|alter\\s+)(?:function|trigger)\\s+(?:if\\s+exists\\s+)?(\\w+)",
          Pattern.CASE_INSENSITIVE);

  @Test
  void theFileDefinesTheFunnelsFunctionsAndTriggers() throws IOException {
    Set<String> defined = defined(Files.readString(MIGRATIONS.resolve("R__funnel.sql")));
    assertThat(defined)
        .contains(
            "function funnel_credits",
            "function funnel_rows_daily",
            "function funnel_time_rows_daily",
            "function funnel_rebuild",
            "function lead_rollup_insert_batch",
            "function deal_rollup",
            "function click_rollup_batch",
            "trigger lead_rollup_insert",
            "trigger lead_rollup_update",
            "trigger deal_rollup",
            "trigger click_rollup");
  }

  @Test
  void noLaterVersionedMigrationDefinesOneOfThemAgain() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String d : defined(Files.readString(MIGRATIONS.resolve("R__funnel.sql")))) {
      names.add(d.substring(d.indexOf(' ') + 1));
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.filter(p -> version(p) > BEFORE_ONE_PLACE).toList()) {
        Matcher m = ALTERS.matcher(Files.readString(f));
        while (m.find()) {
          if (names.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            found.add(f.getFileName() + ": " + m.group());
          }
        }
      }
    }
    assertThat(found)
        .as("change the funnel's functions and triggers in R__funnel.sql, not in a V migration")
        .isEmpty();
  }

  @Test
  void theCheckSeesAVersionedMigrationThatReplacesAFunnelFunction() {
    Matcher m = ALTERS.matcher("create or replace function funnel_credits(l lead)");
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("funnel_credits");
    assertThat(version(Path.of("V27__something.sql"))).isEqualTo(27);
    assertThat(version(Path.of("R__funnel.sql"))).isEqualTo(-1);
  }

  private static Set<String> defined(String sql) {
    Set<String> out = new TreeSet<>();
    Matcher m = DEFINES.matcher(sql);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int version(Path file) {
    Matcher m = Pattern.compile("^V(\\d+)__").matcher(file.getFileName().toString());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
