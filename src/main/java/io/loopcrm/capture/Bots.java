package io.loopcrm.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;
import ua_parser.Parser;

/**
 * Known bots by their user agent, from ua-parser's maintained list (uap-core's {@code
 * regexes.yaml}, shipped in uap-java): a user agent is a bot when the list names its device
 * "Spider" (search engines, link previews, crawlers, AI fetchers, scripted HTTP clients it knows).
 * Only those rules are compiled, so a browser's user agent is checked against a handful of patterns
 * instead of the whole device list; answers are cached, as the same few hundred user agents make
 * nearly all clicks. A click without a user agent is a script's, not a person's.
 */
final class Bots {
  private static final String SPIDER = "Spider";
  private static final int CACHED = 10_000;
  private static final Parser SPIDERS = spiders();
  private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();

  private Bots() {}

  static boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    Boolean known = SEEN.get(userAgent);
    if (known == null) {
      known = SPIDER.equals(SPIDERS.parseDevice(userAgent).family);
      if (SEEN.size() >= CACHED) {
        SEEN.clear();
      }
      SEEN.put(userAgent, known);
    }
    return known;
  }

  @SuppressWarnings("unchecked")
  private static Parser spiders() {
    Map<String, Object> all;
    try (InputStream in = Parser.class.getResourceAsStream("/ua_parser/regexes.yaml")) {
      all = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, Object>> spiders =
        ((List<Map<String, Object>>) all.get("device_parsers"))
            .stream().filter(rule -> SPIDER.equals(rule.get("device_replacement"))).toList();
    if (spiders.isEmpty()) {
      throw new IllegalStateException("ua-parser's list names no Spider rule");
    }
    Map<String, Object> only = new LinkedHashMap<>();
    only.put("user_agent_parsers", List.of());
    only.put("os_parsers", List.of());
    only.put("device_parsers", spiders);
    return new Parser(
        new ByteArrayInputStream(new Yaml().dump(only).getBytes(StandardCharsets.UTF_8)));
  }
}
