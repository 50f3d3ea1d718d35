package io.loopcrm.activity;

import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's tasks: the open ones by due time, or the done ones newest first; filtered by what they
 * are about and a date range (due date, or the day they were done), keyset-paged in one statement.
 */
public final class TaskList {
  private TaskList() {}

  /** What a record-type filter may name. */
  public static final List<String> ABOUT = List.of("lead", "deal", "contact");

  /** The filter as the list's form sends it; {@code after} is the last row's key. */
  public record Query(boolean done, String about, LocalDate from, LocalDate to, String after) {}

  /** One page of tasks and the key of the next page, if any. */
  public record Page(List<Activity> tasks, String next) {}

  /** Open tasks under a heading: overdue, due today, upcoming. */
  public record Section(String key, List<Activity> tasks) {}

  public static Page find(Member owner, Query q, ZoneId zone, int size) {
    String time = q.done() ? "a.doneAt" : "a.dueAt";
    StringBuilder hql =
        new StringBuilder(
            "from Activity a left join fetch a.lead left join fetch a.deal left join fetch a.contact"
                + " where a.owner.id = :owner and a.kind = :task and a.doneAt is "
                + (q.done() ? "not null" : "null"));
    Map<String, Object> params = new HashMap<>();
    params.put("owner", owner.id);
    params.put("task", Activity.Kind.TASK);
    if ("deal".equals(q.about())) {
      hql.append(" and a.deal is not null");
    } else if ("lead".equals(q.about())) {
      hql.append(" and a.deal is null and a.lead is not null");
    } else if ("contact".equals(q.about())) {
      hql.append(" and a.deal is null and a.lead is null");
    }
    if (q.from() != null) {
      hql.append(" and ").append(time).append(" >= :from");
      params.put("from", q.from().atStartOfDay(zone).toInstant());
    }
    if (q.to() != null) {
      hql.append(" and ").append(time).append(" < :to");
      params.put("to", q.to().plusDays(1).atStartOfDay(zone).toInstant());
    }
    Key after = Key.parse(q.after());
    if (after != null) {
      String cmp = q.done() ? "<" : ">";
      hql.append(" and (")
          .append(time)
          .append(' ')
          .append(cmp)
          .append(" :at or (")
          .append(time)
          .append(" = :at and a.id ")
          .append(cmp)
          .append(" :id))");
      params.put("at", after.at());
      params.put("id", after.id());
    }
    hql.append(q.done() ? " order by a.doneAt desc, a.id desc" : " order by a.dueAt, a.id");
    TypedQuery<Activity> query =
        Panache.getEntityManager().createQuery(hql.toString(), Activity.class);
    params.forEach(query::setParameter);
    List<Activity> rows = query.setMaxResults(size + 1).getResultList();
    if (rows.size() <= size) {
      return new Page(rows, null);
    }
    List<Activity> shown = new ArrayList<>(rows.subList(0, size));
    Activity last = shown.get(size - 1);
    return new Page(shown, new Key(q.done() ? last.doneAt : last.dueAt, last.id).toString());
  }

  /** Open tasks grouped by when they are due, keeping their order. */
  public static List<Section> sections(List<Activity> open, Instant now, Instant endOfToday) {
    List<Activity> overdue = new ArrayList<>();
    List<Activity> today = new ArrayList<>();
    List<Activity> upcoming = new ArrayList<>();
    for (Activity a : open) {
      if (a.dueAt == null || a.dueAt.isBefore(now)) {
        overdue.add(a);
      } else if (a.dueAt.isBefore(endOfToday)) {
        today.add(a);
      } else {
        upcoming.add(a);
      }
    }
    List<Section> sections = new ArrayList<>();
    for (Section s :
        List.of(
            new Section("tasks_overdue", overdue),
            new Section("tasks_today", today),
            new Section("tasks_upcoming", upcoming))) {
      if (!s.tasks().isEmpty()) {
        sections.add(s);
      }
    }
    return sections;
  }

  /** A row's place in the order: its time and id, written as {@code seconds.nanos_id}. */
  record Key(Instant at, long id) {
    static Key parse(String text) {
      if (text == null || !text.matches("-?\\d{1,12}\\.\\d{9}_\\d{1,19}")) {
        return null;
      }
      try {
        String[] parts = text.split("_");
        String[] time = parts[0].split("\\.");
        return new Key(
            Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
            Long.parseLong(parts[1]));
      } catch (RuntimeException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return String.format("%d.%09d_%d", at.getEpochSecond(), at.getNano(), id);
    }
  }
}
