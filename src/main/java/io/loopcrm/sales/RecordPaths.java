package io.loopcrm.sales;

import io.quarkus.qute.TemplateExtension;

/**
 * Record pages by id for templates whose rows carry ids rather than records ({@code
 * {paths:deal(d.id)}}); the addresses themselves are {@link SalesPaths}'.
 */
@TemplateExtension(namespace = "paths")
public final class RecordPaths {
  private RecordPaths() {}

  static String lead(Long id) {
    return SalesPaths.leadPath(id);
  }

  static String deal(Long id) {
    return SalesPaths.dealPath(id);
  }

  static String account(Long id) {
    return SalesPaths.path("account", id);
  }

  static String contact(Long id) {
    return SalesPaths.path("contact", id);
  }
}
