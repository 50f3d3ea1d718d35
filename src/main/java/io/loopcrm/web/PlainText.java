package io.loopcrm.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * Text as people type it: every form field, query parameter and header the app reads, and every
 * string of an API body, loses the control characters no one types (NUL and the other C0 codes
 * except tab and line breaks). PostgreSQL cannot store a NUL at all, so one in a field used to fail
 * the whole write with a 500.
 */
@Provider
public class PlainText implements ParamConverterProvider {
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  /** The text without the control characters no one types; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return CONTROL.matcher(text).replaceAll("");
      }
    }
    return text;
  }

  private static final ParamConverter<String> TEXT =
      new ParamConverter<>() {
        @Override
        public String fromString(String value) {
          return clean(value);
        }

        @Override
        public String toString(String value) {
          return value;
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
    return raw == String.class ? (ParamConverter<T>) TEXT : null;
  }

  /** The same for the strings of JSON bodies (the lead API). */
  @Singleton
  public static class Json implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
      mapper.registerModule(
          new SimpleModule("plain-text")
              .addDeserializer(
                  String.class,
                  new StringDeserializer() {
                    @Override
                    public String deserialize(JsonParser p, DeserializationContext ctxt)
                        throws IOException {
                      return clean(super.deserialize(p, ctxt));
                    }
                  }));
    }
  }
}
