package io.loopcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every source Loop writes has its words in both languages; any other is shown as written. */
class LeadSourceTest {
  static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = LeadSourceTest.class.getResourceAsStream("/messages/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKnownSourceHasALabelInBothLanguages() throws Exception {
    Properties en = bundle("lbl.properties");
    Properties zh = bundle("lbl_zh_CN.properties");
    for (String source : LeadSource.KNOWN) {
      String key = LeadSource.key(source);
      assertThat(en.getProperty(key)).as(key).isNotBlank();
      assertThat(zh.getProperty(key)).as(key).isNotBlank();
    }
    for (String hand : LeadFields.HAND_SOURCES) {
      assertThat(LeadSource.key(hand)).as(hand).isNotNull();
    }
    assertThat(LeadSource.key("trade-fair-2026")).isNull();
    assertThat(LeadSource.key(null)).isNull();
  }
}
