package dev.ringlet.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
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
 * The starter's promises as rules: its public API mentions no internal type, it uses only the
 * engine's public API, and its one static instance is the cluster registry shared by Spring's
 * JVM-wide context cache.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ringlet.spring");
  }

  @Test
  void public_signatures_should_not_mention_internal_types() {
    ArchRuleDefinition.codeUnits()
        .that().areDeclaredInClassesThat().resideInAPackage("dev.ringlet.spring")
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
  void should_use_only_the_engines_public_api() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.ringlet.internal..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.ringlet.junit..")
        .check(classes);
  }

  @Test
  void should_keep_no_static_state_but_the_shared_cluster_registry() {
    fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.ringlet.spring..")
        .and().areDeclaredInClassesThat().areNotEnums()
        .and().doNotHaveName("JVM_WIDE")
        .should().haveModifier(JavaModifier.FINAL)
        .andShould().haveRawType(String.class).orShould().haveRawType(int.class)
        .check(classes);
  }
}
