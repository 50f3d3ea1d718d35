package io.loopcrm.imports;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matches what an exported lead brings from its CRM to ours: the owner to a member (by e-mail, user
 * name or display name), the status through a mapping of the three CRMs' lead statuses and stages
 * to ours, the campaign by name or by its UTM name, the created date in the formats those exports
 * use ({@link ImportDates}, UTC). Unknown values stay unknown: the batch names them in the report.
 */
public final class ImportHistory {
  /** The other CRMs' statuses (lower case) and ours. Shown on the import's preview. */
  public static final Map<String, LeadStatus> STATUSES = statuses();

  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Campaign> campaigns = new HashMap<>();
  private final Map<String, LeadStatus> chosen = new HashMap<>();

  private ImportHistory() {}

  /** Slashed dates are read day first (the import's choice). */
  private boolean dayFirst;

  /** The same reading slashed dates day first, or month first. */
  public ImportHistory dayFirst(boolean dayFirst) {
    this.dayFirst = dayFirst;
    return this;
  }

  /** With the user's status mapping of this import (our status codes by the file's values). */
  public ImportHistory choosing(Map<String, String> statuses) {
    statuses.forEach(
        (value, code) -> {
          LeadStatus s = ourStatus(code);
          if (s != null) {
            chosen.put(value, s);
          }
        });
    return this;
  }

  /** Our status of this code, if it is one an import can give (not converted). */
  public static LeadStatus ourStatus(String code) {
    for (LeadStatus s : LeadStatus.values()) {
      if (s != LeadStatus.CONVERTED && s.name().toLowerCase(Locale.ROOT).equals(code)) {
        return s;
      }
    }
    return null;
  }

  /** The status a file's value becomes: the user's choice, else the built-in mapping. */
  public LeadStatus statusOf(String raw) {
    if (raw == null) {
      return null;
    }
    LeadStatus s = chosen.get(raw.trim().toLowerCase(Locale.ROOT));
    return s != null ? s : status(raw);
  }

  /**
   * Members and campaigns as they are now (in the caller's transaction). An owner is one of the
   * enabled sellers: a record owned by an administrator, operations or the integration's account is
   * one no rep or manager can work or hand over.
   */
  public static ImportHistory load() {
    ImportHistory h = new ImportHistory();
    for (Member m : Member.<Member>list("enabled = true")) {
      if (!m.isAssignable()) {
        continue;
      }
      for (String key : new String[] {m.email, m.username, m.displayName}) {
        if (key != null && !key.isBlank()) {
          h.members.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), m);
        }
      }
    }
    for (Campaign c : Campaign.<Campaign>listAll()) {
      h.campaigns.putIfAbsent(c.name.trim().toLowerCase(Locale.ROOT), c);
      String utm = Campaign.utmName(c.name);
      if (!utm.equals(Campaign.UTM_FALLBACK)) {
        // a name of no Latin letter or digit has no UTM name of its own
        h.campaigns.putIfAbsent(utm, c);
      }
    }
    return h;
  }

  public Member owner(String raw) {
    return raw == null ? null : members.get(raw.trim().toLowerCase(Locale.ROOT));
  }

  public Campaign campaign(String raw) {
    if (raw == null) {
      return null;
    }
    Campaign c = campaigns.get(raw.trim().toLowerCase(Locale.ROOT));
    String utm = Campaign.utmName(raw);
    return c != null || utm.equals(Campaign.UTM_FALLBACK) ? c : campaigns.get(utm);
  }

  public static LeadStatus status(String raw) {
    return raw == null ? null : STATUSES.get(raw.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * What the row brings from its CRM, on a new lead: created date (the funnel counts it on that
   * day), source and medium, campaign as first and last touch, owner and status. Whatever does not
   * match goes to {@code unmapped}. Answers whether the lead is to be routed: not when the file
   * names its owner (a known one keeps it; an unknown one leaves it in the queue).
   */
  boolean apply(
      io.loopcrm.lead.Lead lead, ImportFile.History h, Instant now, List<String> unmapped) {
    Instant created = ImportDates.created(h.createdDate(), dayFirst);
    if (h.createdDate() != null && (created == null || created.isAfter(now))) {
      unmapped.add("created date: " + h.createdDate());
      created = null;
    }
    if (created != null) {
      lead.createdAt = created;
    }
    lead.utmSource = h.sourceRaw();
    lead.utmMedium = h.medium();
    lead.utmCampaign = h.campaign();
    if (h.campaign() != null) {
      io.loopcrm.campaign.Campaign c = campaign(h.campaign());
      if (c == null) {
        unmapped.add("campaign: " + h.campaign());
      } else {
        lead.campaign = c;
        lead.firstTouch =
            new io.loopcrm.funnel.Touch(
                c.id, null, h.sourceRaw(), h.medium(), h.campaign(), lead.createdAt);
        lead.lastTouch = lead.firstTouch.copy();
      }
    }
    LeadStatus status = statusOf(h.status());
    if (h.status() != null && status == null) {
      unmapped.add("status: " + h.status());
    }
    lead.status = status == null ? LeadStatus.NEW : status;
    if (h.owner() == null) {
      return true;
    }
    io.loopcrm.people.Member owner = owner(h.owner());
    if (owner == null) {
      unmapped.add("owner: " + h.owner());
      // the queue's leads are new, unless the other CRM had closed them
      if (lead.status != LeadStatus.REJECTED && lead.status != LeadStatus.RECYCLED) {
        lead.status = LeadStatus.NEW;
      }
      return false;
    }
    lead.owner = owner;
    lead.assignedAt = lead.createdAt;
    if (lead.status == LeadStatus.NEW) {
      lead.status = LeadStatus.ASSIGNED;
    }
    return false;
  }

  /** Descriptions from the other CRM as notes on the leads' timelines, as of their days. */
  static void notes(Map<io.loopcrm.lead.Lead, String> descriptions, Member importer) {
    descriptions.forEach(
        (l, text) -> {
          io.loopcrm.activity.Activity note = new io.loopcrm.activity.Activity();
          note.kind = io.loopcrm.activity.Activity.Kind.NOTE;
          String first = text.strip().lines().findFirst().orElse(text).strip();
          note.subject = first.length() > 200 ? first.substring(0, 200) : first;
          note.notes = text;
          note.owner = l.owner != null ? l.owner : importer;
          note.lead = l;
          note.doneAt = l.createdAt;
          note.createdAt = l.createdAt;
          note.persist();
        });
  }

  /**
   * A routed lead's status from its file: the router made it assigned (or left it new in the
   * queue); a status the file gave that goes further stands (a queue lead only when closed).
   */
  static void statusAfterRouting(io.loopcrm.lead.Lead lead) {
    if (lead.owner == null
        && lead.status != LeadStatus.NEW
        && lead.status != LeadStatus.REJECTED
        && lead.status != LeadStatus.RECYCLED) {
      lead.status = LeadStatus.NEW;
    }
  }

  private static Map<String, LeadStatus> statuses() {
    Map<String, LeadStatus> m = new java.util.LinkedHashMap<>();
    // Salesforce lead statuses
    m.put("open - not contacted", LeadStatus.NEW);
    m.put("working - contacted", LeadStatus.WORKING);
    m.put("closed - converted", LeadStatus.QUALIFIED);
    m.put("closed - not converted", LeadStatus.REJECTED);
    m.put("nurturing", LeadStatus.RECYCLED);
    // HubSpot lead statuses
    m.put("new", LeadStatus.NEW);
    m.put("open", LeadStatus.NEW);
    m.put("in progress", LeadStatus.WORKING);
    m.put("in_progress", LeadStatus.WORKING);
    m.put("attempted to contact", LeadStatus.WORKING);
    m.put("attempted_to_contact", LeadStatus.WORKING);
    m.put("connected", LeadStatus.WORKING);
    m.put("open deal", LeadStatus.QUALIFIED);
    m.put("open_deal", LeadStatus.QUALIFIED);
    m.put("unqualified", LeadStatus.REJECTED);
    m.put("bad timing", LeadStatus.RECYCLED);
    m.put("bad_timing", LeadStatus.RECYCLED);
    // HubSpot lifecycle stages (internal and shown names): the earliest wait for a first answer;
    // sales-qualified leads, opportunities and customers are past it and stay out of the queues
    for (String early :
        List.of(
            "subscriber", "lead", "marketingqualifiedlead", "marketing qualified lead", "other")) {
      m.put(early, LeadStatus.NEW);
    }
    for (String late :
        List.of(
            "salesqualifiedlead",
            "sales qualified lead",
            "opportunity",
            "customer",
            "evangelist")) {
      m.put(late, LeadStatus.QUALIFIED);
    }
    // Odoo CRM stages
    m.put("qualified", LeadStatus.QUALIFIED);
    m.put("proposition", LeadStatus.QUALIFIED);
    m.put("won", LeadStatus.QUALIFIED);
    m.put("lost", LeadStatus.REJECTED);
    // ours, as our own export writes them
    for (LeadStatus s : LeadStatus.values()) {
      if (s != LeadStatus.CONVERTED) {
        m.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
