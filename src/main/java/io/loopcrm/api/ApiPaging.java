package io.loopcrm.api;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The record API's lists and reads: pages in id order by keyset, oldest first or with {@code
 * sort=-id} newest first ({@code after} is the last id of the page before, {@code next} of a page
 * the one to pass on; null when there is no more), 50 rows unless {@code limit} says up to 200; a
 * read answers with the record's version as its ETag, and 304 to an {@code If-None-Match} that
 * names it.
 */
final class ApiPaging {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private ApiPaging() {}

  /** A page's rows and the cursor of the next page. */
  record Slice<E>(List<E> rows, String next) {}

  /** The id after which a page starts: 0 for none, a problem naming the field for a bad one. */
  static long after(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(after.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new ApiProblem(
        400,
        "Bad cursor",
        "Pass the next value of the page before.",
        Map.of("after", "not a cursor"));
  }

  /**
   * Whether a page runs newest first: {@code sort} is {@code id} (the default, oldest first) or
   * {@code -id}; anything else is a problem naming the parameter.
   */
  static boolean newestFirst(String sort) {
    if (sort == null || sort.isBlank() || sort.trim().equals("id")) {
      return false;
    }
    if (sort.trim().equals("-id")) {
      return true;
    }
    throw new ApiProblem(
        400, "Bad sort", "Sort by id (oldest first) or -id (newest first).", Map.of("sort", sort));
  }

  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ApiProblem(
          400, "Bad limit", "A page holds 1 to 200 rows.", Map.of("limit", "between 1 and 200"));
    }
    return limit;
  }

  /**
   * The rows of {@code type} matching {@code where} (an HQL condition on alias {@code r}, after
   * {@code fetch} joins) with ids after {@code after}, at most {@code limit}, in id order.
   */
  static <E> Slice<E> page(
      Class<E> type,
      String fetch,
      String where,
      Map<String, Object> params,
      long after,
      int limit,
      boolean newestFirst,
      java.util.function.ToLongFunction<E> id) {
    TypedQuery<E> q =
        Panache.getEntityManager()
            .createQuery(
                "select r from "
                    + type.getSimpleName()
                    + " r "
                    + fetch
                    + (newestFirst ? " where r.id < :after" : " where r.id > :after")
                    + (where.isEmpty() ? "" : " and " + where)
                    + (newestFirst ? " order by r.id desc" : " order by r.id"),
                type)
            .setParameter("after", newestFirst && after == 0 ? Long.MAX_VALUE : after)
            .setMaxResults(limit + 1);
    params.forEach(q::setParameter);
    List<E> rows = q.getResultList();
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      return new Slice<>(rows, Long.toString(id.applyAsLong(rows.get(limit - 1))));
    }
    return new Slice<>(rows, null);
  }

  /** The answer to a read: the view with its version as ETag, or 304 if the client has it. */
  static Response read(Object view, long version, Request request) {
    EntityTag tag = new EntityTag(Long.toString(version));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).build();
    }
    return Response.ok(view).tag(tag).build();
  }

  /**
   * Refuses a change with 412 when {@code If-Match} names another version than the record's (a
   * change without it is taken as it comes).
   */
  static void requireMatch(Request request, String ifMatch, long version, String what) {
    if (ifMatch != null
        && request.evaluatePreconditions(new EntityTag(Long.toString(version))) != null) {
      throw new ApiProblem(
          412,
          "Changed meanwhile",
          "The " + what + " changed since your read: read it again and send its ETag.",
          Map.of("If-Match", "not the " + what + "'s version " + version));
    }
  }

  /** The answer to a change: the view with the record's new version as its ETag. */
  static Response changed(Object view, long version) {
    return Response.ok(view).tag(Long.toString(version)).build();
  }

  /** Adds the condition that the record's {@code field} is the record {@code id}, when given. */
  static void filter(StringBuilder where, Map<String, Object> params, String field, Long id) {
    if (id != null) {
      where.append(" and r.").append(field).append(".id = :").append(field);
      params.put(field, id);
    }
  }
}
