package io.loopcrm.notify;

import io.loopcrm.common.LoopConfig;
import io.loopcrm.mail.Outbox;
import io.loopcrm.mail.OutgoingMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns notifications into e-mail for the people who want it: every few seconds the ones to send at
 * once ({@code queued}), each morning the day's for those who chose a digest. A person gets one
 * message for all that waited (a burst of leads, an import's count), never one per lead. The
 * message goes into the outbox in the transaction that marks the notifications mailed, so each is
 * mailed once. The text is in English and Chinese (Loop does not know which a person reads in
 * outside the app), with a link to the page.
 */
@ApplicationScoped
public class NotificationMailer {
  /** Leads named one by one in a message; more are counted. */
  static final int NAMED = 20;

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject LoopConfig config;

  @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void instant() {
    mail("queued");
  }

  @Scheduled(cron = "0 0 7 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void digest() {
    mail("digest");
  }

  /** Mails the notifications in {@code state}; how many messages went into the outbox. */
  public int mail(String state) {
    return QuarkusTransaction.requiringNew().call(() -> mailNow(state));
  }

  /** A notification with what its message says. */
  record Line(long id, long member, String email, String kind, int count, String lead) {}

  @SuppressWarnings("unchecked")
  private int mailNow(String state) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select n.id, n.member_id, m.email, n.kind, n.count,"
                    + " trim(coalesce(l.first_name || ' ', '') || coalesce(l.last_name, ''))"
                    + "   || coalesce(' (' || l.company || ')', '')"
                    + " from notification n join member m on m.id = n.member_id"
                    + " left join lead l on l.id = n.lead_id"
                    + " where n.mail_state = :state order by n.id limit 5000"
                    + " for update of n skip locked")
            .setParameter("state", state)
            .getResultList();
    Map<Long, List<Line>> byMember = new LinkedHashMap<>();
    for (Object[] r : rows) {
      Line line =
          new Line(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).intValue(),
              (String) r[5]);
      byMember.computeIfAbsent(line.member(), k -> new ArrayList<>()).add(line);
    }
    List<Long> done = new ArrayList<>();
    for (List<Line> lines : byMember.values()) {
      String to = lines.get(0).email();
      if (to != null && !to.isBlank()) {
        outbox.queue(OutgoingMail.system(to, subject(lines), body(lines)), null);
      }
      lines.forEach(l -> done.add(l.id()));
    }
    if (!done.isEmpty()) {
      em.createNativeQuery("update notification set mail_state = 'mailed' where id in (:ids)")
          .setParameter("ids", done)
          .executeUpdate();
    }
    return byMember.size();
  }

  /** How many leads the lines hand over. */
  static int leads(List<Line> lines) {
    int n = 0;
    for (Line l : lines) {
      n += l.kind().equals("import_summary") ? l.count() : l.kind().equals("lead_assigned") ? 1 : 0;
    }
    return n;
  }

  static String subject(List<Line> lines) {
    int leads = leads(lines);
    if (lines.size() == 1 && lines.get(0).kind().equals("lead_assigned")) {
      return "New lead for you: " + lines.get(0).lead() + " / 新线索：" + lines.get(0).lead();
    }
    if (leads > 0) {
      return leads + " new leads for you / " + leads + " 条新线索";
    }
    return lines.size() + " notifications / " + lines.size() + " 条通知";
  }

  String body(List<Line> lines) {
    StringBuilder en = new StringBuilder();
    StringBuilder zh = new StringBuilder();
    int named = 0;
    for (Line l : lines) {
      switch (l.kind()) {
        case "import_summary" -> {
          en.append("- An import gave you ").append(l.count()).append(" new leads\n");
          zh.append("- 一次导入为您分配了 ").append(l.count()).append(" 条新线索\n");
        }
        case "lead_assigned" -> {
          if (named++ < NAMED) {
            en.append("- New lead: ").append(l.lead()).append('\n');
            zh.append("- 新线索：").append(l.lead()).append('\n');
          }
        }
        case "response_overdue" -> {
          en.append("- Still waiting for a first response: ").append(l.lead()).append('\n');
          zh.append("- 仍在等待首次响应：").append(l.lead()).append('\n');
        }
        case "task_due" -> {
          en.append("- A task is due\n");
          zh.append("- 有任务到期\n");
        }
        case "webhook_disabled" -> {
          // the admin's page of webhooks, where the endpoint and its delivery log are
          String hooks = config.mail().appUrl() + "/admin/webhooks";
          en.append("- A webhook endpoint was switched off: its deliveries failed for days. ")
              .append(hooks)
              .append('\n');
          zh.append("- 一个 Webhook 端点因连续多日投递失败已被停用：").append(hooks).append('\n');
        }
        default -> {
          en.append("- ").append(l.kind().replace('_', ' ')).append('\n');
          zh.append("- 新通知\n");
        }
      }
    }
    int more = named - NAMED;
    if (more > 0) {
      en.append("- and ").append(more).append(" more\n");
      zh.append("- 以及另外 ").append(more).append(" 条\n");
    }
    String link = config.mail().appUrl() + "/sales/notifications";
    return en + "\nOpen them: " + link + "\n\n" + zh + "\n查看：" + link + "\n\n-- \nLoop CRM\n";
  }
}
