package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.imports.ImportHistory;
import io.loopcrm.imports.ImportPreview;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The import preview's "what the file brings": each different status, owner and campaign of the
 * file with what it becomes here (our status through the mapping, a member, a campaign) or that it
 * is not found (the lead goes to the queue, has no campaign, is new), before anything is written.
 */
final class ImportMatches {
  private static final int MAX = 20;

  /** One value of the file: its column's target, the value, its rows and what it becomes. */
  record Match(String target, String value, int rows, String becomes, String becomesKey) {
    public boolean found() {
      return becomes != null || becomesKey != null;
    }
  }

  private ImportMatches() {}

  static List<Match> of(Path file, List<String> mapping) throws IOException {
    Map<String, Map<String, Integer>> values =
        ImportPreview.distinct(file, mapping, List.of("status", "owner", "campaign"), MAX);
    List<Match> out = new ArrayList<>();
    if (values.isEmpty()) {
      return out;
    }
    ImportHistory history = ImportHistory.load();
    values.forEach(
        (target, seen) ->
            seen.forEach(
                (value, rows) -> {
                  switch (target) {
                    case "status" -> {
                      LeadStatus s = ImportHistory.status(value);
                      out.add(
                          new Match(target, value, rows, null, s == null ? null : s.labelKey()));
                    }
                    case "owner" -> {
                      Member m = history.owner(value);
                      out.add(
                          new Match(target, value, rows, m == null ? null : m.displayName, null));
                    }
                    default -> {
                      Campaign c = history.campaign(value);
                      out.add(new Match(target, value, rows, c == null ? null : c.name, null));
                    }
                  }
                }));
    return out;
  }
}
