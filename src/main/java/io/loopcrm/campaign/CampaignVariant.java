package io.loopcrm.campaign;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One A/B variant of a campaign: the copy and call to action a person responded to. */
@Entity
@Table(name = "campaign_variant")
public class CampaignVariant extends PanacheEntity implements Audited {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Campaign campaign;

  @Column(nullable = false, length = 100)
  public String name;

  public String headline;
  public String body;
  public String callToAction;
  public String landingUrl;

  /**
   * A new variant's weight, the first one's too: equal weights split evenly, and a share typed for
   * one more variant (40, say) reads as a share beside them, not as 40 parts against 1.
   */
  public static final int DEFAULT_WEIGHT = 50;

  public int weight = DEFAULT_WEIGHT;

  /** The HTML a site pastes to embed this variant's form. */
  public String embedSnippet(String baseUrl) {
    String title =
        (headline == null ? name : headline).replace("\"", "&quot;").replace("<", "&lt;");
    String id = "loop-form-" + trackingCode;
    // the script hands the visitor id and UTM parameters of the page's address to the form
    // (browsers do not send our cookie into another site's iframe)
    return "<iframe id=\""
        + id
        + "\" src=\""
        + baseUrl
        + "/f/"
        + trackingCode
        + "\" title=\""
        + title
        + "\" width=\"100%\" height=\"640\" style=\"border:0\"></iframe>\n<script>(function(){"
        + "var f=document.getElementById(\""
        + id
        + "\"),q=new URLSearchParams(location.search),o=new URLSearchParams();"
        + "[\"loop_vid\",\"utm_source\",\"utm_medium\",\"utm_campaign\",\"utm_content\","
        + "\"utm_term\",\"ref\"].forEach(function(k){if(q.get(k))o.set(k,q.get(k))});"
        + "if(String(o))f.src+=\"?\"+o})();</script>";
  }

  /** The id as text, to compare with a form's chosen value. */
  public String getIdText() {
    return String.valueOf(id);
  }

  public String getWeightText() {
    return Integer.toString(weight);
  }

  /** This variant's share of its campaign's split link, out of the variants' total weight. */
  public String share(int totalWeight) {
    if (totalWeight <= 0) {
      return "—";
    }
    java.math.BigDecimal percent =
        java.math.BigDecimal.valueOf(weight * 100L)
            .divide(java.math.BigDecimal.valueOf(totalWeight), 1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return percent.toPlainString() + "%";
  }

  /** Where the form sends the visitor after a submission; our thank-you page when empty. */
  public String thankYouUrl;

  @Column(nullable = false, unique = true, length = 32)
  public String trackingCode;

  /** Whether another variant of the campaign has this name, whatever its case. */
  public static boolean isNameTaken(long campaignId, String name, long exceptId) {
    return count(
            "campaign.id = ?1 and lower(name) = ?2 and id <> ?3",
            campaignId,
            name.toLowerCase(java.util.Locale.ROOT),
            exceptId)
        > 0;
  }
}
