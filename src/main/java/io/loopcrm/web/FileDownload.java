package io.loopcrm.web;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A stored file (an e-mail's attachment) as a download: always saved, never shown in the page's
 * origin (application/octet-stream, {@code attachment}, and the global nosniff), its name in both
 * the plain form old clients read and the UTF-8 form of RFC 6266 for names in Chinese.
 */
public final class FileDownload {
  private FileDownload() {}

  public static Response of(String fileName, byte[] content) {
    String plain = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
    String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content)
        .header("Content-Type", "application/octet-stream")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + utf8)
        .header("Content-Security-Policy", "sandbox; " + ContentPolicy.PAGES)
        .build();
  }
}
