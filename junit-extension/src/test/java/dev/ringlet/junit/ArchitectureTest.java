package dev.ringlet.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension's two promises as rules: its public API mentions no internal type, and the driver
 * (the user's optional dependency) is touched only by the two classes that need it, so the
 * extension loads and starts clusters without it.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ringlet.junit");
  }

  @Test
  void public_signatures_should_not_mention_internal_types() {
    ArchRuleDefinition.codeUnits()
        .that().areDeclaredInClassesThat().resideInAPackage("dev.ringlet.junit")
        .and().areDeclaredInClassesThat().arePublic()
        .and().arePublic()
        .should(new ArchCondition<JavaCodeUnit>("not mention internal types in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            unit.getParameterTypes().forEach(t -> report(unit, t.toErasure(), events));
            report(unit, unit.getReturnType().toErasure(), events);
          }

          private void report(JavaCodeUnit unit, JavaClass type, ConditionEvents events) {
            if (type.getPackageName().contains(".internal")) {
              events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " mentions " + type.getName()));
            }
          }
        })
        .check(classes);
  }

  @Test
  void only_the_session_classes_should_touch_the_driver() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.ringlet.junit.internal.SessionPool")
        .and().doNotHaveFullyQualifiedName("dev.ringlet.junit.internal.TestDriverConfig")
        .should().dependOnClassesThat().resideInAPackage("com.datastax..")
        .check(classes);
  }

  @Test
  void the_public_package_should_not_depend_on_engine_internals() {
    noClasses().that().resideInAPackage("dev.ringlet.junit..")
        .should().dependOnClassesThat().resideInAPackage("dev.ringlet.internal..")
        .check(classes);
  }
}
