package io.loopcrm.campaign;

import io.loopcrm.common.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Campaign names for filter menus, kept for a short while so that a list page does not pay a query
 * for its menus on every request. Call {@link #invalidate()} after creating or renaming a campaign.
 */
@ApplicationScoped
public class CampaignDirectory {
  /** A campaign as a menu shows it. */
  public record Option(long id, String name) {
    /** The id as a form value. */
    public String param() {
      return Long.toString(id);
    }
  }

  private final Cached<List<Option>> options =
      Cached.of(() -> Campaign.listByName().stream().map(c -> new Option(c.id, c.name)).toList());

  public List<Option> options() {
    return options.get();
  }

  public void invalidate() {
    options.invalidate();
  }
}
