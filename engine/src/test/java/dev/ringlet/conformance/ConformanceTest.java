package dev.ringlet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance check: runs every scenario against the target and compares its answers with the
 * answers recorded from Apache Cassandra 5.0 (one dynamic test per scenario).
 *
 * <p>The target is a Ringlet started in this JVM, or, with {@code -Dconformance.target=host:port},
 * a server running elsewhere ({@code -Dconformance.datacenter}, default {@code datacenter1}, names
 * its datacenter). Running it against the reference Cassandra the golden files came from must pass
 * 100%: that proves the harness. {@code -Dconformance.scenarios=a,b} runs only the scenarios named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {

  private static final String ROOT = "conformance";

  private ConformanceTarget target;
  private ConformanceTarget authTarget;
  private ConformanceTarget maskingTarget;
  /** The Ringlets started for scenarios that need read_thresholds_enabled, by kind (one node, two nodes). */
  private final java.util.Map<String, ConformanceTarget> readThresholdsTargets = new java.util.HashMap<>();

  @TestFactory
  Stream<DynamicTest> scenarios_answer_like_cassandra_5_0() throws IOException {
    List<Scenario> scenarios = ScenarioReader.readFolder(resourceFolder(ROOT + "/scenarios"));
    KnownDifferences known = KnownDifferences.parse(resource(ROOT + "/known-differences.txt"));
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("known differences name existing statements",
        () -> checkKnownDifferences(scenarios, known)));
    String only = System.getProperty("conformance.scenarios", "");
    List<String> wanted = only.isBlank() ? List.of() : List.of(only.split(","));
    for (Scenario scenario : scenarios) {
      if (!wanted.isEmpty() && !wanted.contains(scenario.name())) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(scenario.name(), () -> check(scenario, known)));
    }
    return tests.stream();
  }

  private void check(Scenario scenario, KnownDifferences known) throws IOException {
    String goldenName = ROOT + "/golden/" + scenario.name() + ".golden";
    String goldenText = resource(goldenName);
    List<StatementAnswer> golden = GoldenFile.parse(goldenName, goldenText);
    ConformanceTarget server = ConformanceTarget.needsTwoNodes(scenario) ? clusterReadThresholdsTarget()
        : ConformanceTarget.needsReadThresholds(scenario) ? readThresholdsTarget()
        : ConformanceTarget.needsDynamicDataMasking(scenario) ? maskingTarget()
        : ConformanceTarget.needsAuthentication(scenario) ? authTarget() : target();
    List<StatementAnswer> actual = server.run(scenario);
    if (!GoldenFile.recordsErrorWarnings(goldenText)) {
      actual = actual.stream().map(GoldenFile::withoutErrorWarnings).toList();
    }
    List<String> problems = AnswerComparison.compare(scenario.name(), golden, actual, known);
    if (!problems.isEmpty()) {
      fail("%s: %d of %d statements answered differently from Cassandra on %s:%n%s%n",
          scenario.name(), problems.size(), golden.size(), server.description(),
          String.join("\n", problems));
    }
  }

  private static void checkKnownDifferences(List<Scenario> scenarios, KnownDifferences known) {
    List<String> stale = new ArrayList<>();
    for (KnownDifferences.Entry entry : known.entries()) {
      boolean exists = scenarios.stream()
          .anyMatch(s -> s.name().equals(entry.scenario()) && entry.statement() <= s.statements().size());
      if (!exists) {
        stale.add(entry.scenario() + ":" + entry.statement());
      }
    }
    assertThat(stale).as("known-differences.txt entries that name no scenario statement").isEmpty();
  }

  /** Started on first use, so that a target that cannot start fails each scenario, not discovery. */
  private ConformanceTarget target() {
    if (target == null) {
      String external = System.getProperty("conformance.target");
      target = external == null || external.isBlank()
          ? ConformanceTarget.ringlet()
          : ConformanceTarget.external(external, System.getProperty("conformance.datacenter", "datacenter1"));
    }
    return target;
  }

  /**
   * For {@code auth_*} scenarios: a Ringlet with authentication, or {@code
   * -Dconformance.authTarget=host:port}; skipped when only {@code conformance.target} is given.
   */
  private ConformanceTarget authTarget() {
    if (authTarget == null) {
      String external = System.getProperty("conformance.authTarget");
      if (external != null && !external.isBlank()) {
        authTarget = ConformanceTarget.externalWithAuthentication(
            external, System.getProperty("conformance.datacenter", "datacenter1"));
      } else {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("conformance.target") == null,
            "authenticated scenarios need -Dconformance.authTarget when -Dconformance.target is given");
        authTarget = ConformanceTarget.ringletWithAuthentication();
      }
    }
    return authTarget;
  }

  /**
   * For {@code auth_masking*} scenarios: a Ringlet with authentication and dynamic data masking, or
   * the external {@code -Dconformance.authTarget} (which must have masking enabled).
   */
  private ConformanceTarget maskingTarget() {
    String external = System.getProperty("conformance.authTarget");
    if (external != null && !external.isBlank()) {
      return authTarget();
    }
    if (maskingTarget == null) {
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("conformance.target") == null,
          "authenticated scenarios need -Dconformance.authTarget when -Dconformance.target is given");
      maskingTarget = ConformanceTarget.ringletWithAuthentication(true);
    }
    return maskingTarget;
  }

  /**
   * For {@code read_thresholds_tracked*} scenarios: a Ringlet with read_thresholds_enabled, or the
   * external {@code -Dconformance.target} (which must have it, with thresholds 10 and 100).
   */
  private ConformanceTarget readThresholdsTarget() {
    return readThresholdsTarget("one node", ConformanceTarget::ringletWithReadThresholds);
  }

  /**
   * For {@code read_thresholds_tracked_cluster*} scenarios: two Ringlet nodes with
   * read_thresholds_enabled, or the external {@code -Dconformance.target} (which must be such a
   * two-node cluster).
   */
  private ConformanceTarget clusterReadThresholdsTarget() {
    return readThresholdsTarget("two nodes", ConformanceTarget::ringletTwoNodesWithReadThresholds);
  }

  private ConformanceTarget readThresholdsTarget(String kind, java.util.function.Supplier<ConformanceTarget> start) {
    String external = System.getProperty("conformance.target");
    if (external != null && !external.isBlank()) {
      return target();
    }
    return readThresholdsTargets.computeIfAbsent(kind, k -> start.get());
  }

  @AfterAll
  void stopTarget() throws Exception {
    for (ConformanceTarget started : readThresholdsTargets.values()) {
      started.close();
    }
    if (maskingTarget != null) {
      maskingTarget.close();
    }
    if (target != null) {
      target.close();
    }
    if (authTarget != null) {
      authTarget.close();
    }
  }

  private static Path resourceFolder(String name) {
    URL url = ConformanceTest.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("resource folder " + name + " is not on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("resource folder " + name + " is not a folder: " + url, e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ConformanceTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test classpath (record it: tools/record-golden.sh)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
