package dev.ringlet.testcontainers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's rules: its public package mentions no internal type, the optional driver is touched
 * only by the init script runner (so a user without the driver never loads a driver class), and
 * there is no static mutable state.
 */
class ModuleArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ringlet.testcontainers");
  }

  @Test
  void public_signatures_should_not_mention_internal_types() {
    ArchRuleDefinition.codeUnits()
        .that().areDeclaredInClassesThat().resideInAPackage("dev.ringlet.testcontainers")
        .and().arePublic()
        .should(new ArchCondition<JavaCodeUnit>("not mention internal types in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            unit.getParameterTypes().forEach(t -> report(unit, t.toErasure(), events));
            report(unit, unit.getReturnType().toErasure(), events);
          }

          private void report(JavaCodeUnit unit, JavaClass type, ConditionEvents events) {
            if (type.getPackageName().startsWith("dev.ringlet.testcontainers.internal")) {
              events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " mentions internal type " + type.getName()));
            }
          }
        })
        .check(classes);
  }

  @Test
  void only_the_init_script_runner_should_use_the_optional_driver() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.ringlet.testcontainers.internal.InitScriptRunner")
        .should().dependOnClassesThat().resideInAPackage("com.datastax..")
        .check(classes);
  }

  @Test
  void no_class_should_have_static_mutable_state() {
    ArchRuleDefinition.fields().that().areStatic()
        .should().haveModifier(JavaModifier.FINAL)
        .check(classes);
  }
}
