package io.loopcrm.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Locale-aware formatting of dates, numbers and money for templates. */
@TemplateExtension
public class Formats {
  static final ZoneId ZONE = ZoneId.systemDefault();

  static String date(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(of(locale)).format(date);
  }

  static String dateTime(
      Instant time, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    return time == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(of(locale))
            .format(time.atZone(ZONE));
  }

  static String number(Number value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    return value == null ? "" : NumberFormat.getNumberInstance(of(locale)).format(value);
  }

  static String money(
      BigDecimal amount,
      String currency,
      @TemplateExtension.TemplateAttribute("locale") Object locale) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(of(locale));
    format.setCurrency(Currency.getInstance(currency));
    return format.format(amount);
  }

  static Locale of(Object locale) {
    if (locale instanceof Locale l) {
      return l;
    }
    return locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.toString());
  }
}
