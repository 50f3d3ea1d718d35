package io.loopcrm.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files in an encoding other than UTF-8: refused when they arrive, next to the file field and in
 * the reader's language (they used to pass the preview, which reads 8 KB, and stop the background
 * import at the first wrong byte, again at every resume); UTF-16 with its mark is read.
 */
@QuarkusTest
class ImportEncodingTest {
  /** 200 plain rows (more than the preview reads), then a row with the name in {@code charset}. */
  static Path file(Charset charset, String name, boolean mark) throws Exception {
    StringBuilder csv = new StringBuilder("First Name,Last Name,Email\n");
    for (int i = 0; i < 200; i++) {
      csv.append("Plain,Row").append(i).append(",plain").append(i).append("@enc.example\n");
    }
    csv.append("Jörg,").append(name).append(",joerg@enc.example\n");
    Path file = Files.createTempFile("enc", ".csv");
    byte[] body = csv.toString().getBytes(charset);
    if (mark) {
      byte[] withMark = new byte[body.length + 2];
      withMark[0] = (byte) 0xFF;
      withMark[1] = (byte) 0xFE;
      System.arraycopy(body, 0, withMark, 2, body.length);
      body = withMark;
    }
    Files.write(file, body);
    return file;
  }

  private static io.restassured.response.Response post(String path, Path file, String language) {
    String token = Csrf.token();
    return given()
        .redirects()
        .follow(false)
        .header("Accept-Language", language)
        .cookie("csrf-token", token)
        .multiPart("csrf-token", token)
        .multiPart("file", file.toFile(), "text/csv")
        .post(path);
  }

  private static long jobs() {
    return QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
  }

  @Test
  @AsOperations
  void latin1AndGbkFilesAreRefusedWhenTheyArriveWithNothingKept() throws Exception {
    long before = jobs();
    post("/ops/import", file(StandardCharsets.ISO_8859_1, "Müller", false), "zh-CN")
        .then()
        .statusCode(422)
        .body(containsString("invalid-feedback"))
        .body(containsString("此文件不是 UTF-8 编码"));
    post("/ops/import", file(Charset.forName("GBK"), "张伟", false), "en")
        .then()
        .statusCode(422)
        .body(containsString("This file is not in UTF-8."));
    post("/ops/costs/import", file(StandardCharsets.ISO_8859_1, "Müller", false), "en")
        .then()
        .statusCode(422)
        .body(containsString("This file is not in UTF-8."));
    assertThat(jobs()).isEqualTo(before);
  }

  @Test
  @AsOperations
  void aUtf16FileWithItsMarkIsRead() throws Exception {
    var r = post("/ops/import", file(StandardCharsets.UTF_16LE, "Müller 张", true), "en");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
    long id = Long.parseLong(r.header("Location").replaceAll(".*/ops/import/(\\d+).*", "$1"));
    given().get("/ops/import/" + id).then().statusCode(200).body(containsString("Row0"));
    ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(id));
    assertThat(ImportFile.header(Path.of(job.storedPath)))
        .containsExactly("First Name", "Last Name", "Email");
  }

  @Test
  @AsOperations
  void aHeaderWithAHugeColumnNameIsRefused() throws Exception {
    Path file = Files.createTempFile("wide", ".csv");
    Files.writeString(file, "Name," + "x".repeat(3_000_000) + "\nAda,1\n");
    long before = jobs();
    post("/ops/import", file, "en")
        .then()
        .statusCode(422)
        .body(containsString("longer than 200 characters"));
    assertThat(jobs()).isEqualTo(before);
  }
}
