package io.loopcrm.lead;

import io.loopcrm.common.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The company size → segment bands in memory, for routing: a lead without a segment is routed by
 * its size's segment, as the database will store it. Reloaded when an administrator saves them (and
 * on other instances within {@link Cached#OTHER_INSTANCES}).
 */
@ApplicationScoped
public class SegmentBands {
  private final Cached<Map<String, String>> bands =
      Cached.of(
          () -> {
            Map<String, String> m = new HashMap<>();
            for (SegmentBand b : SegmentBand.listOrdered()) {
              if (b.segment != null) {
                m.put(b.companySize, b.segment);
              }
            }
            return Map.copyOf(m);
          });

  /** The bands last read, served while the database cannot be read (a form must still show). */
  private volatile Map<String, String> lastKnown = Map.of();

  private Map<String, String> current() {
    try {
      Map<String, String> m = bands.get();
      lastKnown = m;
      return m;
    } catch (RuntimeException unreachable) {
      return lastKnown;
    }
  }

  /** Gives each lead without a segment its company size's, when that has one. */
  public void fill(List<Lead> leads) {
    Map<String, String> m = null;
    for (Lead lead : leads) {
      if ((lead.segment == null || lead.segment.isBlank()) && lead.companySize != null) {
        m = m == null ? current() : m;
        lead.segment = m.get(lead.companySize);
      }
    }
  }

  /** The segments the bands name, in the buckets' order, once each (the form's choices). */
  public List<String> names() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    Map<String, String> m = current();
    for (String size : Lead.COMPANY_SIZES) {
      String s = m.get(size);
      if (s != null) {
        names.add(s);
      }
    }
    return List.copyOf(names);
  }

  public void invalidate() {
    bands.invalidate();
  }
}
