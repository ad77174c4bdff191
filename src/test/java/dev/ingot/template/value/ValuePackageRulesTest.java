package dev.ingot.template.value;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The value model is a model package: it depends on the JDK only, so every layer can use it. */
class ValuePackageRulesTest {
  @Test
  void valuesUseTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.ingot.template.value..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "dev.ingot.template.value..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ingot.template.value"));
  }
}
