package io.loopcrm.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries, read from the bytecode, so fully qualified names cannot hide. */
class BoundariesTest {
  static final String[] DOMAIN = {
    "io.loopcrm.lead..",
    "io.loopcrm.campaign..",
    "io.loopcrm.deal..",
    "io.loopcrm.activity..",
    "io.loopcrm.customer..",
    "io.loopcrm.funnel..",
    "io.loopcrm.people.."
  };
  static final String[] ROLES = {
    "io.loopcrm.web..",
    "io.loopcrm.sales..",
    "io.loopcrm.ops..",
    "io.loopcrm.admin..",
    "io.loopcrm.capture..",
    "io.loopcrm.api.."
  };

  static JavaClasses classes;

  @BeforeAll
  static void read() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loopcrm");
  }

  @Test
  void theDomainKnowsNothingOfThePagesOrTheApi() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROLES)
        .check(classes);
  }

  @Test
  void theDomainRaisesItsOwnExceptionsNotHttpOnes() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
        .check(classes);
  }

  @Test
  void recordsDoNotKnowWhereTheirPagesAre() {
    // a page's address belongs to its role package (sales/SalesPaths, a template extension)
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(DOMAIN)
        .should()
        .haveNameMatching("get\\w*(Path|Url)")
        .check(classes);
  }

  @Test
  void sharedHelpersDependOnNoOtherPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.loopcrm.common..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.loopcrm..").and(resideOutsideOfPackage("io.loopcrm.common..")))
        .check(classes);
  }

  @Test
  void packagesDoNotDependOnEachOtherInCircles() {
    slices().matching("io.loopcrm.(*)..").should().beFreeOfCycles().check(classes);
  }
}
