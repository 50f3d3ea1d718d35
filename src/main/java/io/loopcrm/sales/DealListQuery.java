package io.loopcrm.sales;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealList;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/** The deal list's filter form as sent; anything unreadable counts as no filter. */
public class DealListQuery {
  @QueryParam("stage")
  String stage;

  @QueryParam("status")
  String status;

  @QueryParam("month")
  String month;

  @QueryParam("owner")
  String owner;

  @QueryParam("min")
  String min;

  @QueryParam("max")
  String max;

  @QueryParam("sort")
  String sort;

  @QueryParam("after")
  String after;

  DealList.Query toQuery() {
    return new DealList.Query(
        number(stage),
        parse(() -> Deal.Status.valueOf(status.toUpperCase(Locale.ROOT))),
        io.loopcrm.common.Params.parseMonth(month),
        number(owner),
        io.loopcrm.web.Amount.Check.parse(min),
        io.loopcrm.web.Amount.Check.parse(max),
        java.util.Objects.requireNonNullElse(
            parse(() -> DealList.Sort.valueOf(sort.toUpperCase(Locale.ROOT))), DealList.Sort.CLOSE),
        after == null || after.isBlank() ? null : after);
  }

  /** The filter as query parameters, without the cursor (for the next page and the CSV). */
  static String queryOf(DealList.Query q) {
    StringBuilder s = new StringBuilder("sort=" + q.sort().param());
    if (q.stage() != null) s.append("&stage=").append(q.stage());
    if (q.status() != null) s.append("&status=").append(q.status().name().toLowerCase(Locale.ROOT));
    if (q.month() != null) s.append("&month=").append(q.month());
    if (q.owner() != null) s.append("&owner=").append(q.owner());
    if (q.minAmount() != null) s.append("&min=").append(q.minAmount().toPlainString());
    if (q.maxAmount() != null) s.append("&max=").append(q.maxAmount().toPlainString());
    return s.toString();
  }

  private static Long number(String s) {
    return parse(() -> Long.valueOf(s.trim()));
  }

  private static <T> T parse(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
