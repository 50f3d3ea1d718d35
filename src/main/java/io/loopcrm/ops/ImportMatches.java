package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.customer.Account;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.imports.DealStages;
import io.loopcrm.imports.ImportHistory;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.ImportPreview;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The import preview's "what the file brings": each different status or deal stage, owner, campaign
 * and account of the file with what it becomes here (our status or stage through the mapping, which
 * the user can change, a member, a campaign, an account) or that it is not found, before anything
 * is written.
 */
final class ImportMatches {
  private static final int MAX = 20;

  /**
   * One value of the file: its column's target, the value, its rows and what it becomes (a name, or
   * a message key); {@code chosen} is the status code or stage id it maps to, for the choice.
   */
  record Match(
      String target,
      String value,
      int rows,
      String becomes,
      String becomesKey,
      List<Choice> choices) {
    public boolean found() {
      return becomes != null || becomesKey != null;
    }

    /** Status and stage are mapped by the user; the others are looked up. */
    public boolean editable() {
      return target.equals("status") || target.equals("stage");
    }
  }

  /** One of ours a status or stage can become: a name or a message key, and whether chosen. */
  record Choice(String value, String label, String labelKey, boolean selected) {}

  private ImportMatches() {}

  private static List<Choice> statuses(LeadStatus chosen) {
    List<Choice> out = new ArrayList<>();
    for (LeadStatus s : LeadStatus.values()) {
      if (s != LeadStatus.CONVERTED) {
        out.add(new Choice(s.name().toLowerCase(Locale.ROOT), null, s.labelKey(), s == chosen));
      }
    }
    return out;
  }

  private static List<Choice> stages(List<PipelineStage> active, PipelineStage chosen) {
    List<Choice> out = new ArrayList<>();
    for (PipelineStage s : active) {
      out.add(
          new Choice(
              String.valueOf(s.id),
              s.label,
              s.label == null ? s.labelKey() : null,
              chosen != null && s.id.equals(chosen.id)));
    }
    return out;
  }

  /** The targets whose values the preview lists, per kind of row. */
  private static List<String> targets(String kind) {
    return switch (kind) {
      case "lead" -> List.of("status", "owner", "campaign");
      case "deal" -> List.of("stage", "owner", "account");
      case "contact" -> List.of("owner", "account");
      default -> List.of("owner");
    };
  }

  static List<Match> of(ImportJob job, Path file, List<String> mapping) throws IOException {
    Map<String, Map<String, Integer>> values =
        ImportPreview.distinct(file, mapping, targets(job.kind), MAX);
    List<Match> out = new ArrayList<>();
    if (values.isEmpty()) {
      return out;
    }
    Map<String, String> chosen = job.values();
    ImportHistory history = ImportHistory.load().choosing(job.isLeads() ? chosen : Map.of());
    DealStages stages = DealStages.load(job.isLeads() ? Map.of() : chosen);
    Set<String> accounts = knownAccounts(values.getOrDefault("account", Map.of()).keySet());
    values.forEach(
        (target, seen) ->
            seen.forEach(
                (value, rows) -> {
                  switch (target) {
                    case "status" -> {
                      LeadStatus s = history.statusOf(value);
                      out.add(
                          new Match(
                              target,
                              value,
                              rows,
                              null,
                              s == null ? null : s.labelKey(),
                              statuses(s)));
                    }
                    case "stage" -> {
                      PipelineStage s = stages.stage(value);
                      out.add(
                          new Match(
                              target,
                              value,
                              rows,
                              s == null ? null : s.label,
                              s == null || s.label != null ? null : s.labelKey(),
                              stages(stages.active(), s)));
                    }
                    case "owner" -> {
                      Member m = history.owner(value);
                      out.add(
                          new Match(
                              target,
                              value,
                              rows,
                              m == null ? null : m.displayName,
                              null,
                              List.of()));
                    }
                    case "account" -> {
                      boolean known = accounts.contains(value.toLowerCase(Locale.ROOT));
                      out.add(
                          new Match(target, value, rows, known ? value : null, null, List.of()));
                    }
                    default -> {
                      Campaign c = history.campaign(value);
                      out.add(
                          new Match(
                              target, value, rows, c == null ? null : c.name, null, List.of()));
                    }
                  }
                }));
    return out;
  }

  /** Which of these account names are accounts here already (lower case): one query. */
  private static Set<String> knownAccounts(Set<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    return Account.<Account>list("lower(name) in ?1", lower).stream()
        .map(a -> a.name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }
}
