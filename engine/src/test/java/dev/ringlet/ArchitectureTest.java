package dev.ringlet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
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
 * The package rules of STYLE.md rule 1 and DESIGN.md, enforced: a small public API that mentions
 * no internal type, wire codes only at the edge, storage below execution, no package cycles, and
 * no static mutable state (many nodes per JVM).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ringlet");
  }

  @Test
  void public_api_signatures_should_not_mention_internal_types() {
    ArchRuleDefinition.codeUnits()
        .that().areDeclaredInClassesThat().resideInAPackage("dev.ringlet.api..")
        .and().arePublic()
        .should(new ArchCondition<JavaCodeUnit>("not mention internal types in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            for (JavaClass type : unit.getParameterTypes().stream().map(t -> t.toErasure()).toList()) {
              report(unit, type, events);
            }
            report(unit, unit.getReturnType().toErasure(), events);
          }

          private void report(JavaCodeUnit unit, JavaClass type, ConditionEvents events) {
            if (type.getPackageName().startsWith("dev.ringlet.internal")) {
              events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " mentions internal type " + type.getName()));
            }
          }
        })
        .check(classes);
  }

  @Test
  void public_api_should_reach_internals_only_through_the_node_factory() {
    noClasses().that().resideInAPackage("dev.ringlet.api..")
        .should().dependOnClassesThat(DescribedPredicate.describe("internal, other than the cluster factory",
            (JavaClass c) -> c.getPackageName().startsWith("dev.ringlet.internal")
                && !c.getName().equals("dev.ringlet.internal.node.LocalCluster")))
        .check(classes);
  }

  @Test
  void protocol_codes_should_stay_in_the_transport_adapter() {
    noClasses().that().resideInAPackage("dev.ringlet.internal..")
        .and().resideOutsideOfPackage("dev.ringlet.internal.transport..")
        .should().dependOnClassesThat().resideInAnyPackage("com.datastax.oss.protocol..", "io.netty..")
        .check(classes);
  }

  @Test
  void storage_should_not_depend_on_execution_or_transport() {
    noClasses().that().resideInAPackage("dev.ringlet.internal.storage..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.ringlet.internal.exec..", "dev.ringlet.internal.transport..", "dev.ringlet.internal.node..",
            "dev.ringlet.internal.cql..")
        .check(classes);
  }

  @Test
  void types_should_depend_only_on_errors() {
    noClasses().that().resideInAnyPackage("dev.ringlet.internal.types..", "dev.ringlet.internal.dht..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.ringlet.internal.exec..", "dev.ringlet.internal.schema..", "dev.ringlet.internal.storage..",
            "dev.ringlet.internal.transport..", "dev.ringlet.internal.node..", "dev.ringlet.internal.system..")
        .check(classes);
  }

  @Test
  void engine_packages_should_be_free_of_cycles() {
    slices().matching("dev.ringlet.internal.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void static_fields_should_be_final() {
    fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.ringlet..")
        .and(DescribedPredicate.describe("not synthetic", (JavaField f) -> !f.getModifiers().contains(JavaModifier.SYNTHETIC)))
        .should().beFinal()
        .because("every node is its own object graph: no static mutable state")
        .check(classes);
  }
}
