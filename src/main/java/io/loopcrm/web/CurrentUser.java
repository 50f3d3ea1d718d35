package io.loopcrm.web;

import io.loopcrm.people.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user as the layout shows them: name, roles and the navigation their roles open. */
@Named("user")
@RequestScoped
public class CurrentUser {
  @Inject SecurityIdentity identity;

  /** The signed-in user's name as the member mirror keeps it (empty when anonymous). */
  public String getUsername() {
    return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
  }

  public boolean isSignedIn() {
    return !identity.isAnonymous();
  }

  public String getName() {
    if (identity.isAnonymous()) {
      return "";
    }
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      Object name = token.getClaim("name");
      if (name != null && !name.toString().isBlank()) {
        return name.toString();
      }
      Object username = token.getClaim("preferred_username");
      if (username != null) {
        return username.toString();
      }
    }
    return identity.getPrincipal().getName();
  }

  /** Message keys of the user's Loop CRM roles, in canonical order. */
  public List<String> getRoleKeys() {
    return Roles.ALL.stream()
        .filter(identity::hasRole)
        .map(r -> "role_" + r.replace('-', '_'))
        .toList();
  }

  public boolean has(String role) {
    return identity.hasRole(role);
  }

  /** Whether the user works leads and deals (a rep or a manager): who has the bell. */
  public boolean isSells() {
    return identity.hasRole(Roles.SALES) || identity.hasRole(Roles.SALES_MANAGER);
  }

  /** The main navigation for the user's roles; only pages that exist are listed. */
  public List<NavItem> getNav() {
    List<NavItem> items = new ArrayList<>();
    boolean sells = identity.hasRole(Roles.SALES) || identity.hasRole(Roles.SALES_MANAGER);
    if (isSignedIn() && !sells) {
      items.add(new NavItem("nav_home", "/"));
    }
    if (identity.hasRole(Roles.SALES) || identity.hasRole(Roles.SALES_MANAGER)) {
      items.add(new NavItem("nav_today", "/sales/today"));
      items.add(new NavItem("nav_leads", "/sales/leads"));
      items.add(new NavItem("nav_tasks", "/sales/tasks"));
      items.add(new NavItem("nav_accounts", "/sales/accounts"));
      items.add(new NavItem("nav_pipeline", "/sales/pipeline"));
      items.add(new NavItem("nav_deals", "/sales/deals"));
      items.add(new NavItem("nav_numbers", "/sales/numbers"));
    }
    if (identity.hasRole(Roles.SALES_MANAGER)) {
      items.add(new NavItem("nav_team", "/sales/team"));
    }
    if (identity.hasRole(Roles.OPERATIONS)) {
      items.add(new NavItem("nav_campaigns", "/ops/campaigns"));
      items.add(new NavItem("nav_funnel", "/ops/funnel"));
      items.add(new NavItem("nav_all_leads", "/ops/leads"));
      items.add(new NavItem("nav_audiences", "/ops/audiences"));
      items.add(new NavItem("nav_queue", "/ops/leads?owner=none"));
      items.add(new NavItem("nav_routing", "/ops/routing"));
      items.add(new NavItem("nav_scoring", "/ops/scoring"));
      items.add(new NavItem("nav_referrals", "/ops/referrals"));
      items.add(new NavItem("nav_import", "/ops/import"));
    }
    if (identity.hasRole(Roles.ADMIN)) {
      items.add(new NavItem("nav_users", "/admin/users"));
      items.add(new NavItem("nav_teams", "/admin/teams"));
      items.add(new NavItem("nav_settings", "/admin/settings"));
      items.add(new NavItem("nav_mail_templates", "/admin/mail-templates"));
      items.add(new NavItem("nav_webhooks", "/admin/webhooks"));
      items.add(new NavItem("nav_audit", "/admin/audit"));
    }
    return items;
  }
}
