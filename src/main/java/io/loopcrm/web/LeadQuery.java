package io.loopcrm.web;

import io.loopcrm.lead.LeadFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of every lead list (sales, operations, API, CSV export), as posted. */
public class LeadQuery {
  @RestQuery public String q;
  @RestQuery public String status;
  @RestQuery public String campaign;
  @RestQuery public String source;
  @RestQuery public String region;
  @RestQuery public String from;
  @RestQuery public String to;
  @RestQuery public String sort;

  @Parameter(description = "keyset cursor: the `next` of the previous page")
  @RestQuery
  public String after;

  @Parameter(description = "rows per page, at most 100")
  @RestQuery
  public String size;

  @Parameter(description = "none: only leads waiting in the queue; a member's id: that member's")
  @RestQuery
  public String owner;

  @Parameter(description = "only leads scoring at least this")
  @RestQuery
  public String minScore;

  public LeadFilter toFilter() {
    return LeadFilter.parse(
        q, status, campaign, source, region, from, to, sort, after, size, owner, minScore);
  }
}
