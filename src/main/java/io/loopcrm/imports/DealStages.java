package io.loopcrm.imports;

import io.loopcrm.deal.LostReason;
import io.loopcrm.deal.PipelineStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stage mapping of a deal import: a stage of the file becomes the stage the user chose for it
 * on the preview, else the active stage of the same name, else the stage the built-in mapping of
 * the Salesforce, HubSpot and Odoo stages names; anything else is unknown (the deal goes to the
 * first open stage, reported).
 */
public final class DealStages {
  /** The other CRMs' stages (lower case) and the built-in stage they become. */
  public static final Map<String, String> BUILT_IN = builtIn();

  private final List<PipelineStage> stages;
  private final Map<String, String> chosen;

  private DealStages(List<PipelineStage> stages, Map<String, String> chosen) {
    this.stages = stages;
    this.chosen = chosen;
  }

  /** The active stages as they are now, and the user's choices (stage ids by file value). */
  public static DealStages load(Map<String, String> chosen) {
    return new DealStages(PipelineStage.listActive(), chosen);
  }

  /** The stage a file's value becomes, or null when it is unknown. */
  public PipelineStage stage(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    String id = chosen.get(v);
    if (id != null) {
      for (PipelineStage s : stages) {
        if (String.valueOf(s.id).equals(id)) {
          return s;
        }
      }
    }
    for (PipelineStage s : stages) {
      if (s.name.equalsIgnoreCase(v) || (s.label != null && s.label.equalsIgnoreCase(v))) {
        return s;
      }
    }
    String builtIn = BUILT_IN.get(v);
    if (builtIn == null) {
      return null;
    }
    for (PipelineStage s : stages) {
      if (s.name.equals(builtIn)) {
        return s;
      }
    }
    // an admin renamed or archived it: the stage of the same kind comes nearest
    PipelineStage.Kind kind =
        builtIn.equals("won")
            ? PipelineStage.Kind.WON
            : builtIn.equals("lost") ? PipelineStage.Kind.LOST : PipelineStage.Kind.OPEN;
    return stages.stream().filter(s -> s.kind == kind).findFirst().orElse(null);
  }

  /** Where a deal of unknown stage goes: the first open stage. */
  public PipelineStage firstOpen() {
    return stages.stream().filter(s -> s.kind == PipelineStage.Kind.OPEN).findFirst().orElseThrow();
  }

  /** The lost stage (a deal the file gives a lost reason is lost). */
  public PipelineStage lost() {
    return stages.stream().filter(s -> s.kind == PipelineStage.Kind.LOST).findFirst().orElseThrow();
  }

  public List<PipelineStage> active() {
    return stages;
  }

  /** A lost reason written in words, as one of ours; null when none fits. */
  public static LostReason lostReason(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.toLowerCase(Locale.ROOT);
    LostReason code = LostReason.fromCode(v.trim().replace(' ', '_'));
    if (code != null) {
      return code;
    }
    if (v.contains("price") || v.contains("expensive") || v.contains("价格")) {
      return LostReason.PRICE;
    }
    if (v.contains("competitor") || v.contains("竞争")) {
      return LostReason.COMPETITOR;
    }
    if (v.contains("budget") || v.contains("预算")) {
      return LostReason.NO_BUDGET;
    }
    if (v.contains("timing") || v.contains("time") || v.contains("时机")) {
      return LostReason.TIMING;
    }
    if (v.contains("decision") || v.contains("unresponsive") || v.contains("决策")) {
      return LostReason.NO_DECISION;
    }
    if (v.contains("feature") || v.contains("functional") || v.contains("功能")) {
      return LostReason.FEATURES;
    }
    return null;
  }

  private static Map<String, String> builtIn() {
    Map<String, String> m = new LinkedHashMap<>();
    // Salesforce opportunity stages
    m.put("prospecting", "qualification");
    m.put("needs analysis", "discovery");
    m.put("value proposition", "discovery");
    m.put("id. decision makers", "discovery");
    m.put("perception analysis", "discovery");
    m.put("proposal/price quote", "proposal");
    m.put("negotiation/review", "negotiation");
    m.put("closed won", "won");
    m.put("closed lost", "lost");
    // HubSpot deal stages, as labels and as internal names
    m.put("appointment scheduled", "qualification");
    m.put("appointmentscheduled", "qualification");
    m.put("qualified to buy", "qualification");
    m.put("qualifiedtobuy", "qualification");
    m.put("presentation scheduled", "discovery");
    m.put("presentationscheduled", "discovery");
    m.put("decision maker bought-in", "proposal");
    m.put("decisionmakerboughtin", "proposal");
    m.put("contract sent", "negotiation");
    m.put("contractsent", "negotiation");
    m.put("closedwon", "won");
    m.put("closedlost", "lost");
    // Odoo CRM stages
    m.put("new", "qualification");
    m.put("qualified", "discovery");
    m.put("proposition", "proposal");
    return java.util.Collections.unmodifiableMap(m);
  }
}
