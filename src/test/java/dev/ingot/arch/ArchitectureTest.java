package dev.ingot.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md: one way, no cycles, models on the JDK only. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ingot");
  }

  @Test
  void capabilitiesAreFreeOfCycles() {
    slices().matching("dev.ingot.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void subpackagesAreFreeOfCycles() {
    slices()
        .matching("dev.ingot.(*).(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.ingot.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ingot.cli..")
        .check(classes);
  }

  @Test
  void capabilitiesDoNotDependOnTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.ingot.pkg..",
            "dev.ingot.fs..",
            "dev.ingot.oci..",
            "dev.ingot.disk..",
            "dev.ingot.vm..",
            "dev.ingot.scan..",
            "dev.ingot.publish..",
            "dev.ingot.provision..",
            "dev.ingot.plugin..",
            "dev.ingot.artifact..",
            "dev.ingot.diag..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.ingot.build..", "dev.ingot.cli..")
        .check(classes);
  }

  @Test
  void modelPackagesUseTheJdkOnly() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.ingot.diag..", "dev.ingot.template.hcl..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "dev.ingot.diag..", "dev.ingot.template.hcl..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
