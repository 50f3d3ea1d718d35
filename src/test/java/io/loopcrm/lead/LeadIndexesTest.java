package io.loopcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lead columns most leads leave empty are indexed only where they hold a value (V23), and the
 * lookups by them still use those indexes: an equality implies "not null".
 */
@QuarkusTest
class LeadIndexesTest {
  @Inject EntityManager em;

  private static final Map<String, String> LOOKUPS =
      Map.ofEntries(
          Map.entry("lead_visitor_idx", "visitor_id = cast(?1 as uuid)"),
          Map.entry("lead_variant_idx", "variant_id = cast(?1 as bigint)"),
          Map.entry("lead_referrer_idx", "referrer_contact_id = cast(?1 as bigint)"),
          Map.entry("lead_converted_deal_idx", "converted_deal_id = cast(?1 as bigint)"),
          Map.entry("lead_phone_idx", "phone_normalized = cast(?1 as text)"),
          Map.entry("lead_routing_rule_idx", "routing_rule_id = cast(?1 as bigint)"),
          Map.entry(
              "lead_first_touch_campaign_idx", "first_touch_campaign_id = cast(?1 as bigint)"),
          Map.entry("lead_last_touch_variant_idx", "last_touch_variant_id = cast(?1 as bigint)"));

  @Test
  void sparseColumnsKeepOnlyTheirValuesAndLookupsStillUseThem() {
    for (var e : LOOKUPS.entrySet()) {
      String value =
          e.getKey().equals("lead_visitor_idx")
              ? java.util.UUID.randomUUID().toString()
              : e.getKey().equals("lead_phone_idx") ? "+15550100" : "1";
      assertThat(plan("select id from lead where " + e.getValue(), value))
          .as(e.getKey())
          .contains(e.getKey());
      assertThat(definition(e.getKey())).as(e.getKey()).contains("IS NOT NULL");
    }
    // a campaign's leads, newest first, from the partial campaign index
    assertThat(
            plan(
                "select id from lead where campaign_id = cast(?1 as bigint) order by created_at desc"
                    + " limit 50",
                "1"))
        .contains("lead_campaign_idx");
  }

  @SuppressWarnings("unchecked")
  private String plan(String sql, String value) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
              em.createNativeQuery("set local plan_cache_mode = force_generic_plan")
                  .executeUpdate();
              List<String> lines =
                  em.createNativeQuery("explain " + sql).setParameter(1, value).getResultList();
              return String.join("\n", lines);
            });
  }

  private String definition(String index) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery("select indexdef from pg_indexes where indexname = ?1")
                        .setParameter(1, index)
                        .getSingleResult());
  }
}
