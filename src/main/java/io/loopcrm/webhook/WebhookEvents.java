package io.loopcrm.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopcrm.api.ApiAccountView;
import io.loopcrm.api.ApiContactView;
import io.loopcrm.api.ApiDealView;
import io.loopcrm.api.ApiLeadView;
import io.loopcrm.audit.Change;
import io.loopcrm.audit.ChangeListener;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a transaction's changes into webhook events, on the transaction's connection just before it
 * commits: an event and one delivery per enabled endpoint subscribed to its type, so an event
 * exists exactly when its change is committed. A change nobody subscribed to writes nothing. The
 * payload is the record as the API shows it, at the moment of the change, in the Standard Webhooks
 * form ({@code type}, {@code timestamp}, {@code data}), with the old values of what the event is
 * about under {@code previous}.
 */
@ApplicationScoped
public class WebhookEvents implements ChangeListener {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** A body is at most 256 KB; JSON of more characters than this may exceed it in UTF-8. */
  static final int MAX_BODY_CHARS = 256 * 1024 / 3;

  @Inject ObjectMapper json;
  @Inject Clock clock;

  /** An event to write. */
  record Event(EventType type, String recordKey, Object data, Map<String, Object> previous) {}

  @Override
  public void beforeCommit(List<Change> changes, Connection connection) throws SQLException {
    Set<String> subscribed = subscribed(connection);
    if (subscribed.isEmpty()) {
      return;
    }
    List<Event> events = new ArrayList<>();
    for (Change c : changes) {
      for (EventType t : typesOf(c)) {
        if (subscribed.contains(t.code())) {
          events.add(new Event(t, c.type() + ":" + c.id(), data(c.entity()), previous(t, c)));
        }
      }
    }
    if (events.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into webhook_event (message_id, type, record_key, payload)"
                + " values (?, ?, ?, ?)")) {
      for (Event e : events) {
        insert.setString(1, messageId());
        insert.setString(2, e.type().code());
        insert.setString(3, e.recordKey());
        insert.setString(4, payload(e, now));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The event types enabled endpoints are subscribed to. */
  private static Set<String> subscribed(Connection connection) throws SQLException {
    Set<String> types = new HashSet<>();
    try (PreparedStatement q =
            connection.prepareStatement(
                "select distinct unnest(event_types) from webhook_endpoint where enabled");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        types.add(r.getString(1));
      }
    }
    return types;
  }

  /** The events a change is: a create, and for an update what it changed. */
  static List<EventType> typesOf(Change c) {
    List<EventType> types = new ArrayList<>();
    boolean create = c.action().equals("create");
    boolean update = c.action().equals("update");
    switch (c.type()) {
      case "lead" -> {
        if (create) {
          types.add(EventType.LEAD_CREATED);
        } else if (update) {
          types.add(EventType.LEAD_UPDATED);
          if (c.changed("owner")) {
            types.add(EventType.LEAD_ASSIGNED);
          }
          if (c.changed("status")) {
            types.add(EventType.LEAD_STATUS_CHANGED);
          }
        }
      }
      case "deal" -> {
        if (create) {
          types.add(EventType.DEAL_CREATED);
        } else if (update) {
          types.add(EventType.DEAL_UPDATED);
          if (c.changed("stage")) {
            types.add(EventType.DEAL_STAGE_CHANGED);
          }
        }
        if ((create || update) && c.changed("status") && c.entity() instanceof Deal d) {
          if (d.status == Deal.Status.WON) {
            types.add(EventType.DEAL_WON);
          } else if (d.status == Deal.Status.LOST) {
            types.add(EventType.DEAL_LOST);
          }
        }
      }
      case "account" -> {
        if (create) {
          types.add(EventType.ACCOUNT_CREATED);
        } else if (update) {
          types.add(EventType.ACCOUNT_UPDATED);
        }
      }
      case "contact" -> {
        if (create) {
          types.add(EventType.CONTACT_CREATED);
        } else if (update) {
          types.add(EventType.CONTACT_UPDATED);
        }
      }
      case "campaign" -> {
        if ((create || update) && c.changed("status") && c.entity() instanceof Campaign k) {
          if (k.status == Campaign.Status.ACTIVE
              && !"PAUSED".equals(String.valueOf(c.old("status")))) {
            types.add(EventType.CAMPAIGN_STARTED);
          } else if (k.status == Campaign.Status.COMPLETED) {
            types.add(EventType.CAMPAIGN_ENDED);
          }
        }
      }
      default -> {
        // other records are not told to other systems
      }
    }
    return types;
  }

  /** The record as the API shows it. */
  private static Object data(Object entity) {
    if (entity instanceof Lead l) {
      return ApiLeadView.of(l);
    }
    if (entity instanceof Deal d) {
      return ApiDealView.of(d);
    }
    if (entity instanceof Account a) {
      return ApiAccountView.of(a);
    }
    if (entity instanceof Contact c) {
      return ApiContactView.of(c);
    }
    if (entity instanceof Campaign k) {
      return io.loopcrm.api.ApiCampaignView.of(k);
    }
    throw new IllegalArgumentException("no webhook data for " + entity.getClass());
  }

  /** The old values of what the event is about, in the API's terms. */
  private static Map<String, Object> previous(EventType type, Change c) {
    Map<String, Object> p = new LinkedHashMap<>();
    switch (type) {
      case LEAD_ASSIGNED -> p.put("ownerId", c.old("owner"));
      case LEAD_STATUS_CHANGED -> {
        Object old = c.old("status");
        p.put("status", old == null ? null : LeadStatus.valueOf(old.toString()).param());
      }
      case DEAL_STAGE_CHANGED -> p.put("stageId", c.old("stage"));
      default -> {
        return null;
      }
    }
    return p;
  }

  private String payload(Event e, Instant now) {
    ObjectNode root = json.createObjectNode();
    root.put("type", e.type().code());
    root.put("timestamp", now.toString());
    root.set("data", json.valueToTree(e.data()));
    if (e.previous() != null) {
      root.set("previous", json.valueToTree(e.previous()));
    }
    try {
      String body = json.writeValueAsString(root);
      if (body.length() > MAX_BODY_CHARS) {
        // never more than a receiver must accept: the record's id only, to be read over the API
        root.set("data", json.createObjectNode().put("id", idOf(e.recordKey())));
        body = json.writeValueAsString(root);
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("could not write a webhook payload", ex);
    }
  }

  private static long idOf(String recordKey) {
    return Long.parseLong(recordKey.substring(recordKey.indexOf(':') + 1));
  }

  /** The webhook-id of a new event: {@code msg_} and 27 random letters and digits. */
  static String messageId() {
    StringBuilder s = new StringBuilder("msg_");
    for (int i = 0; i < 27; i++) {
      s.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return s.toString();
  }
}
