package io.loopcrm.people;

import java.util.List;

/** The realm roles Loop CRM knows; Keycloak is their source of truth. */
public final class Roles {
  public static final String SALES = "sales";
  public static final String SALES_MANAGER = "sales-manager";
  public static final String OPERATIONS = "operations";
  public static final String ADMIN = "admin";

  /** In the order the app shows them. */
  public static final List<String> ALL = List.of(SALES, SALES_MANAGER, OPERATIONS, ADMIN);

  private Roles() {}
}
