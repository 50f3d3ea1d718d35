package io.loopcrm.api;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An API error as RFC 9457 problem details ({@code application/problem+json}): a type, a title, the
 * status, a detail, and for bad input the message of each field.
 */
public class ApiProblem extends RuntimeException {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The JSON body. */
  public record Body(
      String type, String title, int status, String detail, Map<String, String> errors) {}

  private final Body body;

  public ApiProblem(int status, String title, String detail, Map<String, String> errors) {
    super(title, null, false, false);
    this.body =
        new Body("https://loopcrm.example/problems/" + status, title, status, detail, errors);
  }

  public Response toResponse() {
    return Response.status(body.status()).type(MEDIA_TYPE).entity(body).build();
  }

  /** The answer with a Retry-After of {@code seconds}. */
  public Response toResponse(String seconds) {
    return Response.status(body.status())
        .type(MEDIA_TYPE)
        .header("Retry-After", seconds)
        .entity(body)
        .build();
  }
}
