package io.loopcrm.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The routing rule form's fields as posted. */
public class RuleFields {
  @RestForm public String name;
  @RestForm public String position;
  @RestForm public String region;
  @RestForm public String segment;
  @RestForm public String source;
  @RestForm public String campaign;
  @RestForm public String variant;
  @RestForm public String team;
  @RestForm public List<Long> reps;
  @RestForm public String active;

  Map<String, String> asMap() {
    Map<String, String> m = new HashMap<>();
    m.put("name", name == null ? "" : name);
    m.put("position", position == null ? "" : position);
    m.put("region", region == null ? "" : region);
    m.put("segment", segment == null ? "" : segment);
    m.put("source", source == null ? "" : source);
    m.put("campaign", campaign == null ? "" : campaign);
    m.put("variant", variant == null ? "" : variant);
    m.put("team", team == null ? "" : team);
    m.put("active", active == null ? "false" : active);
    return m;
  }
}
