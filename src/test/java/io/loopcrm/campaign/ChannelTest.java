package io.loopcrm.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The channels' codes are the enum's, and each has its name in both languages. */
class ChannelTest {
  @Test
  void eachChannelHasALowerCaseCodeAndANameInBothLanguages() throws Exception {
    assertThat(Campaign.CHANNELS)
        .containsExactly(
            "email",
            "search",
            "social",
            "display",
            "events",
            "referral",
            "partner",
            "content",
            "other");
    for (String bundle : new String[] {"lbl.properties", "lbl_zh_CN.properties"}) {
      Properties labels = new Properties();
      try (Reader r =
          Files.newBufferedReader(
              Path.of("src/main/resources/messages", bundle), StandardCharsets.UTF_8)) {
        labels.load(r);
      }
      for (Channel c : Channel.values()) {
        assertThat(labels.getProperty(c.labelKey())).as(bundle + " " + c).isNotBlank();
      }
    }
    assertThat(Channel.isCode("search")).isTrue();
    assertThat(Channel.isCode("Search")).as("codes are stored in lower case").isFalse();
    assertThat(Channel.isCode(null)).isFalse();
  }

  @Test
  void campaignsAndCostsStoreTheCodeAndReadACodeNoChannelHasAsOther() {
    Channel.Column column = new Channel.Column();
    assertThat(column.convertToDatabaseColumn(Channel.EVENTS)).isEqualTo("events");
    assertThat(column.convertToEntityAttribute("events")).isEqualTo(Channel.EVENTS);
    assertThat(column.convertToEntityAttribute("webinar"))
        .as("written outside the app: the pages have always shown it as other")
        .isEqualTo(Channel.OTHER);
    assertThat(column.convertToEntityAttribute(null)).isNull();
    assertThat(column.convertToDatabaseColumn(null)).isNull();
    assertThat(Channel.of(" search ")).isEqualTo(Channel.SEARCH);
    assertThat(Channel.of("")).isNull();
    assertThat(Channel.EMAIL.auditValue()).as("the audit trail keeps the code").isEqualTo("email");
  }
}
