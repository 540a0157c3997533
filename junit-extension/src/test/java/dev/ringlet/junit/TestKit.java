package dev.ringlet.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine, in a launcher session (and root store) of their own. */
final class TestKit {

  private TestKit() {}

  static EngineExecutionResults run(Class<?>... fixtures) {
    return builder(fixtures).execute();
  }

  static EngineExecutionResults runInParallel(Class<?>... fixtures) {
    return builder(fixtures)
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .execute();
  }

  /**
   * Asserts that exactly {@code expected} tests ran and all succeeded; otherwise fails with every failed test's or container's
   * throwable attached, so a failure inside a fixture is visible in the report and not only as a count.
   */
  static void assertAllSucceeded(EngineExecutionResults results, int expected) {
    List<Event> failures = new ArrayList<>();
    failures.addAll(results.testEvents().failed().list());
    failures.addAll(results.containerEvents().failed().list());
    long succeeded = results.testEvents().succeeded().count();
    if (succeeded == expected && failures.isEmpty()) {
      return;
    }
    AssertionError error = new AssertionError("expected " + expected + " tests to succeed, " + succeeded + " did; "
        + failures.size() + " tests or containers failed: "
        + failures.stream().map(e -> e.getTestDescriptor().getDisplayName()).collect(Collectors.joining(", ")));
    failures.forEach(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
        .ifPresent(error::addSuppressed));
    throw error;
  }

  private static EngineTestKit.Builder builder(Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new));
  }
}
