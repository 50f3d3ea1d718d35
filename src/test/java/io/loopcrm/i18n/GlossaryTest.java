package io.loopcrm.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One Chinese term per concept, in every bundle: a deal is 商机 (never 交易), a campaign's variant is
 * 版本 (never 变体), a campaign is 活动 and what a rep logs on a record is 跟进记录 (so 活动 never means an
 * activity).
 */
class GlossaryTest {
  @Test
  void eachConceptHasOneChineseTerm() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
      for (Path p : files.filter(f -> f.toString().endsWith("_zh_CN.properties")).toList()) {
        Properties zh = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
          zh.load(in);
        }
        for (String key : zh.stringPropertyNames()) {
          String text = zh.getProperty(key);
          assertThat(text).as(p.getFileName() + " " + key).doesNotContain("交易", "变体");
          if (key.startsWith("activity_") || key.equals("audit_type_activity")) {
            assertThat(text).as(p.getFileName() + " " + key).doesNotContain("活动");
          }
        }
      }
    }
  }
}
