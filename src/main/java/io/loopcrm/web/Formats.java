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

  /** An ISO day as text ("2026-09-09") in the reader's format, for sentences; else as it is. */
  static String day(String iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    LocalDate d = io.loopcrm.common.Params.parseDate(iso);
    return d == null ? (iso == null ? "" : iso) : date(d, locale);
  }

  /** The month of a date, such as "Mar 2025" or "2025年3月". */
  static String yearMonth(
      LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    if (date == null) {
      return "";
    }
    Locale l = of(locale);
    String pattern =
        java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                    FormatStyle.MEDIUM, null, java.time.chrono.IsoChronology.INSTANCE, l)
                .contains("年")
            ? "y年M月"
            : "MMM y";
    return DateTimeFormatter.ofPattern(pattern, l).format(date);
  }

  /** A time: "Dec 7, 2026, 1:45 PM"; in Chinese on the 24-hour clock, "2026年12月7日 13:45". */
  static String dateTime(
      Instant time, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    if (time == null) {
      return "";
    }
    Locale l = of(locale);
    DateTimeFormatter format =
        l.getLanguage().equals("zh")
            ? DateTimeFormatter.ofPattern("y年M月d日 HH:mm", l)
            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(l);
    return format.format(time.atZone(ZONE));
  }

  static String number(Number value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    return value == null ? "" : NumberFormat.getNumberInstance(of(locale)).format(value);
  }

  /**
   * A percentage as every page writes it: the number in the reader's format (one decimal at most)
   * with "%" right after it, so it never breaks across lines: "57.4%", "49,580%".
   */
  static String percent(
      Number value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(of(locale));
    format.setMaximumFractionDigits(1);
    return format.format(value) + "%";
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

  /** A short duration: "2 h 5 min" / "2 小时 5 分钟", from a day on "3 d 4 h" / "3 天 4 小时". */
  static String duration(
      java.time.Duration d, @TemplateExtension.TemplateAttribute("locale") Object locale) {
    if (d == null) {
      return "";
    }
    boolean zh = of(locale).getLanguage().equals("zh");
    long minutes = Math.max(0, d.toMinutes());
    if (minutes >= 24 * 60) {
      // a day or more: to the hour (minutes would be noise)
      long hoursTotal = Math.round(Math.max(0, d.toSeconds()) / 3600.0);
      return hoursTotal / 24 + (zh ? " 天 " : " d ") + hoursTotal % 24 + (zh ? " 小时" : " h");
    }
    long hours = minutes / 60;
    long mins = minutes % 60;
    StringBuilder sb = new StringBuilder();
    if (hours > 0) {
      sb.append(hours).append(zh ? " 小时 " : " h ");
    }
    sb.append(mins).append(zh ? " 分钟" : " min");
    return sb.toString().trim();
  }

  /**
   * The template's locale attribute when a page set one, else the current request's language (pages
   * returned straight from a resource carry no locale attribute), else English.
   */
  static Locale of(Object locale) {
    if (locale instanceof Locale l) {
      return l;
    }
    if (locale != null) {
      return Locale.forLanguageTag(locale.toString());
    }
    var container = io.quarkus.arc.Arc.container();
    if (container != null && container.requestContext().isActive()) {
      return container.instance(RequestLocale.class).get().get();
    }
    return Locale.ENGLISH;
  }

  /** A lead's source as its label key ({@code lbl}), or null when it is one of its own. */
  static String sourceKey(String source) {
    return io.loopcrm.lead.LeadSource.key(source);
  }

  /** A value for a query string (a search text, a cursor). */
  static String urlEncode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
