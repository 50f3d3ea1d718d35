package io.loopcrm.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every API operation shares, described once: its errors are problem details (the {@code
 * Problem} schema), and each can answer 401, 403 and 429. Registered as {@code mp.openapi.filter}.
 */
public class ApiDescriptionFilter implements OASFilter {
  private static final Map<String, String> SHARED =
      Map.of(
          "401", "No token, or an expired one",
          "403", "The client lacks the scope (named in errors.scope), or its roles do not reach it",
          "429", "Too many requests this minute: wait Retry-After seconds");

  /**
   * Times and dates are strings in the JSON, written in place rather than as schemas of their own.
   */
  private static final Map<String, String> TIMES =
      Map.of(
          "#/components/schemas/Instant", "date-time",
          "#/components/schemas/OffsetDateTime", "date-time",
          "#/components/schemas/LocalDate", "date");

  @Override
  public Schema filterSchema(Schema schema) {
    String format = schema.getRef() == null ? null : TIMES.get(schema.getRef());
    if (format != null) {
      schema.setRef(null);
      schema.setType(java.util.List.of(Schema.SchemaType.STRING));
      schema.setFormat(format);
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    TIMES
        .keySet()
        .forEach(ref -> api.getComponents().removeSchema(ref.substring(ref.lastIndexOf('/') + 1)));
    api.getComponents().addSchema("Problem", problem());
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                item.getOperations()
                    .values()
                    .forEach(
                        op -> {
                          shared(op);
                          if (path.endsWith("{id}") && !op.getResponses().hasAPIResponse("404")) {
                            op.getResponses()
                                .addAPIResponse(
                                    "404",
                                    OASFactory.createAPIResponse()
                                        .description(
                                            "No such record, or one the client may not see")
                                        .content(problemContent()));
                          }
                        });
              }
            });
  }

  private static void shared(Operation op) {
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = op.getResponses();
    SHARED.forEach(
        (code, text) -> {
          if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(text));
          }
        });
    responses
        .getAPIResponses()
        .forEach(
            (code, r) -> {
              if (code.startsWith("4") || code.startsWith("5")) {
                r.setContent(problemContent());
              }
            });
  }

  private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            ApiProblem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
  }

  /** RFC 9457 problem details as {@link ApiProblem.Body} writes them. */
  private static Schema problem() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("An error (RFC 9457 problem details); for bad input a message per field")
        .addProperty("type", text("A URI naming the kind of error"))
        .addProperty("title", text("What went wrong, in short"))
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", text("What to do about it"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Field (or header, or scope) → what is wrong with it")
                .additionalPropertiesSchema(text(null)));
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }
}
