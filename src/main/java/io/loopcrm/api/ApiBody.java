package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON body read into the pages' form objects, so that the API checks a field with the form's own
 * rules: each JSON field is copied as text into the form field of the same name (or the one {@code
 * names} maps it to); an unknown field, an object or an array where a value belongs, and an id that
 * is not a whole number are named in the errors.
 */
final class ApiBody {
  private ApiBody() {}

  /** The body as a JSON object, or a 400 problem. */
  static JsonNode parse(ObjectMapper json, String body) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // named below
    }
    throw new ApiProblem(400, "Not JSON", "The body is not a JSON object.", Map.of("body", "JSON"));
  }

  /**
   * Copies the scalar fields of {@code body} listed in {@code names} (JSON name → form field) into
   * {@code form}'s public String fields; a field of {@code ids} is left for {@link #id}; any other
   * field is named as unknown.
   */
  static void bind(
      JsonNode body,
      Object form,
      Map<String, String> names,
      java.util.Set<String> ids,
      Map<String, String> errors) {
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (ids.contains(name)) {
        continue;
      }
      String target = names.get(name);
      if (target == null) {
        errors.put(name, "unknown field");
        continue;
      }
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        errors.put(name, "a string");
        continue;
      }
      try {
        Field field = form.getClass().getField(target);
        field.set(form, v.isNull() ? null : v.asText());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no form field " + target, e);
      }
    }
  }

  /**
   * The id in {@code field}: absent → {@code current}, null → null, a whole number → it, anything
   * else named in the errors.
   */
  static Long id(JsonNode body, String field, Long current, Map<String, String> errors) {
    if (!body.has(field)) {
      return current;
    }
    JsonNode v = body.get(field);
    if (v.isNull()) {
      return null;
    }
    if (v.canConvertToLong() && v.isIntegralNumber()) {
      return v.longValue();
    }
    errors.put(field, "an id (a whole number)");
    return current;
  }

  /**
   * The member {@code id} names, who must be able to own sales records (enabled, in sales); null
   * for none; anything else named in the errors.
   */
  static io.loopcrm.people.Member owner(Long id, String field, Map<String, String> errors) {
    if (id == null) {
      return null;
    }
    io.loopcrm.people.Member m = io.loopcrm.people.Member.findById(id);
    if (m == null || !m.isAssignable()) {
      errors.put(field, "not a member who may own sales records (enabled, in sales)");
      return null;
    }
    return m;
  }

  /** A 422 problem naming each bad field, when there is one. */
  static void refuseIfAny(String what, Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new ApiProblem(422, "Invalid " + what, "Some fields are not valid.", errors);
    }
  }

  /** Sets {@code form}'s public String fields from {@code values} (a form's current values). */
  static void fill(Object form, Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          try {
            form.getClass().getField(name).set(form, value);
          } catch (NoSuchFieldException e) {
            // a value the form does not take
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("form field " + name, e);
          }
        });
  }
}
