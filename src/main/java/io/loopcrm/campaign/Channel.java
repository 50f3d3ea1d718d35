package io.loopcrm.campaign;

import io.loopcrm.audit.AuditValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The channels a campaign (or one of its costs) runs on. The database, spend files, the API and the
 * funnel's filter keep a channel as its code, the lower-case name ("email"); this enum owns the
 * codes and their order in lists, and campaigns and costs hold it typed.
 */
public enum Channel implements AuditValue {
  EMAIL,
  SEARCH,
  SOCIAL,
  DISPLAY,
  EVENTS,
  REFERRAL,
  PARTNER,
  CONTENT,
  OTHER;

  /** Every code, in the order lists show them. */
  public static final List<String> CODES = Arrays.stream(values()).map(Channel::code).toList();

  /** As campaigns and costs store it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code code} is one of the channels' codes (as stored: lower case, no spaces). */
  public static boolean isCode(String code) {
    return code != null && CODES.contains(code);
  }

  /** The channel of a code checked with {@link #isCode}; null for none. */
  public static Channel of(String code) {
    return code == null || code.isBlank() ? null : valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  /** The audit trail keeps the code, as it did when the channel was a text. */
  @Override
  public Object auditValue() {
    return code();
  }

  /** Its name's message key, in the {@code lbl} bundle. */
  public String labelKey() {
    return "channel_" + code();
  }

  /**
   * Stored as its code. A code no channel has (written outside the app; there is no check in the
   * schema) reads as {@link #OTHER}, as the pages have always shown it.
   */
  @Converter
  public static class Column implements AttributeConverter<Channel, String> {
    @Override
    public String convertToDatabaseColumn(Channel channel) {
      return channel == null ? null : channel.code();
    }

    @Override
    public Channel convertToEntityAttribute(String code) {
      return code == null ? null : isCode(code) ? of(code) : OTHER;
    }
  }
}
