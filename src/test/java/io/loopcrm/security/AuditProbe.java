package io.loopcrm.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Watches the database itself for changed records, independently of the application's audit trail:
 * a trigger on every table of people's records notes each inserted, changed or deleted row with its
 * transaction, and {@link #mismatches} compares those notes with the audit entries written since a
 * mark. Changes of columns the trail leaves out on purpose (timestamps, versions, derived scores,
 * an import's progress counters) are not noted.
 */
final class AuditProbe {
  /** The tables of records people write, named as the trail names their entities. */
  static final List<String> TABLES =
      List.of(
          "lead",
          "deal",
          "account",
          "contact",
          "activity",
          "campaign",
          "campaign_variant",
          "cost_entry",
          "pipeline_stage",
          "quota",
          "report_setting",
          "segment_band",
          "routing_rule",
          "scoring_rule",
          "choice",
          "member",
          "team",
          "import_job",
          "mail_template",
          "webhook_endpoint",
          "audience");

  private static final String IGNORED =
      "array['updated_at', 'created_at', 'version', 'stage_entered_at', 'last_login_at', 'score',"
          + " 'score_reasons', 'processed', 'heartbeat_at', 'created_count', 'updated_count', 'skipped_count',"
          + " 'status_changed_at', 'finished_at', 'started_at', 'error', 'report_path', 'mail_state',"
          + " 'mail_error', 'response_reminded_at', 'due_reminded_at', 'secret', 'previous_secret',"
          + " 'reveal_to', 'reveal_until', 'failing_since']";

  private final DataSource db;

  AuditProbe(DataSource db) {
    this.db = db;
  }

  /** Installs the trigger on every table (again, harmlessly, if it is there). */
  void install() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists audit_probe (n bigserial primary key, xid bigint not null,"
              + " tbl text not null, id bigint not null, op text not null)");
      s.execute(
          "alter table audit_entry add column if not exists probe_xid bigint default"
              + " txid_current()");
      s.execute(
          "create or replace function audit_probe_note() returns trigger language plpgsql as $$"
              + " begin"
              + " if tg_op = 'UPDATE' and (to_jsonb(new) - "
              + IGNORED
              + ") = (to_jsonb(old) - "
              + IGNORED
              + ") then return null; end if;"
              + " insert into audit_probe (xid, tbl, id, op) values (txid_current(),"
              + " tg_table_name, case when tg_op = 'DELETE' then old.id else new.id end, tg_op);"
              + " return null; end $$");
      for (String table : TABLES) {
        s.execute("drop trigger if exists audit_probe on " + table);
        s.execute(
            "create trigger audit_probe after insert or update or delete on "
                + table
                + " for each row execute function audit_probe_note()");
      }
    }
  }

  /** Where the notes and the trail stand now. */
  long[] mark() throws SQLException {
    return new long[] {
      single("select coalesce(max(n), 0) from audit_probe"),
      single("select coalesce(max(id), 0) from audit_entry")
    };
  }

  /** Records changed since {@code mark}: "table id". */
  List<String> changedSince(long[] mark) throws SQLException {
    return strings(
        "select distinct tbl || ' ' || id from audit_probe where n > " + mark[0] + " order by 1");
  }

  /**
   * Every record changed since {@code mark} without exactly one audit entry in the transaction that
   * changed it, and every audit entry without such a change.
   */
  List<String> mismatches(long[] mark) throws SQLException {
    return strings(
        "with p as (select distinct xid, replace(tbl, '_', '') as type, id from audit_probe"
            + " where n > "
            + mark[0]
            + "), a as (select probe_xid as xid, entity_type as type, entity_id as id, count(*)"
            + " as entries from audit_entry where id > "
            + mark[1]
            + " group by 1, 2, 3)"
            + " select coalesce(p.type, a.type) || ' ' || coalesce(p.id, a.id) || ': '"
            + " || case when a.xid is null then 'changed without an audit entry'"
            + " when p.xid is null then 'audit entry without a change'"
            + " else a.entries || ' audit entries' end"
            + " from p full join a on p.xid = a.xid and p.type = a.type and p.id = a.id"
            + " where p.xid is null or a.xid is null or a.entries <> 1 order by 1");
  }

  private long single(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
