package io.loopcrm.ops;

import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The campaign form's fields as posted. */
public class CampaignFields {
  @RestForm public String name;
  @RestForm public String objective;
  @RestForm public String channel;
  @RestForm public String startsOn;
  @RestForm public String endsOn;
  @RestForm public String budget;
  @RestForm public String currency;
  @RestForm public String targetRegion;
  @RestForm public String targetIndustry;
  @RestForm public String targetCompanySize;
  @RestForm public String goalLeads;
  @RestForm public String goalActivated;
  @RestForm public String goalRetained;
  @RestForm public String goalRevenue;
  @RestForm public String goalReferrals;
  @RestForm public String owner;
  @RestForm public String parent;

  Map<String, String> asMap() {
    Map<String, String> m = new HashMap<>();
    m.put("name", name);
    m.put("objective", objective);
    m.put("channel", channel);
    m.put("startsOn", startsOn);
    m.put("endsOn", endsOn);
    m.put("budget", budget);
    m.put("currency", currency);
    m.put("targetRegion", targetRegion);
    m.put("targetIndustry", targetIndustry);
    m.put("targetCompanySize", targetCompanySize);
    m.put("goalLeads", goalLeads);
    m.put("goalActivated", goalActivated);
    m.put("goalRetained", goalRetained);
    m.put("goalRevenue", goalRevenue);
    m.put("goalReferrals", goalReferrals);
    m.put("owner", owner);
    m.put("parent", parent);
    return m;
  }
}
