package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.RingletCluster;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class FailureReportTest {

  static final AtomicReference<String> CONTACT_POINTS = new AtomicReference<>();

  @OnlyInTestKit
  @CassandraCluster(name = "Failing", keyspace = "failing", schema = "classpath:schema/fresh.cql")
  static class FailingFixture {
    @Test
    void fails(CqlSession session, RingletCluster cluster) {
      CONTACT_POINTS.set(cluster.contactPoints().toString());
      session.execute(session.prepare("INSERT INTO notes (id, body) VALUES (?, ?)").bind(7, "seven"));
      assertThat(session.execute("SELECT * FROM notes WHERE id = 8").all()).hasSize(1);
    }

    @Test
    void is_skipped() {
      Assumptions.assumeTrue(false, "not today");
    }
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Failing")
  static class FailingBeforeEachFixture {
    @BeforeEach
    void fails_to_set_up(CqlSession session) {
      session.execute("SELECT * FROM no_such_keyspace.no_such_table");
    }

    @Test
    void never_runs() {}
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Failing", isolation = Isolation.FRESH_KEYSPACE)
  static class FreshKeyspaceSessionInBeforeAllFixture {
    @org.junit.jupiter.api.BeforeAll
    static void too_early(CqlSession session) {}

    @Test
    void never_runs() {}
  }

  @Test
  void should_add_the_cluster_to_a_failing_test_output() {
    EngineExecutionResults results = TestKit.run(FailingFixture.class);

    results.testEvents().assertStatistics(s -> s.failed(1).aborted(1));
    Throwable failure = results.testEvents().failed().stream().findFirst()
        .flatMap(Event::getPayload).map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable().orElseThrow())
        .orElseThrow();
    assertThat(failure).isInstanceOf(AssertionError.class);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage())
        .startsWith("Ringlet cluster of this test:")
        .contains("cluster: 'Failing', release_version 5.0.9, shared")
        .contains("contact points: " + CONTACT_POINTS.get())
        .contains("local datacenter: datacenter1")
        .contains("keyspace: failing, schema: [classpath:schema/fresh.cql], isolation: TRUNCATE_TABLES")
        .contains("recent queries (since the previous test; SELECTs of system tables, the drivers' metadata, left out):")
        .contains("EXECUTE LOCAL_ONE [failing] INSERT INTO notes (id, body) VALUES (?, ?) values [7, 'seven'] -> VOID")
        .contains("QUERY LOCAL_ONE [failing] SELECT * FROM notes WHERE id = 8 -> ROWS 0")
        .doesNotContain("system.local", "system_schema.");
    assertThat(failure.getSuppressed()[0].getStackTrace()).isEmpty();
  }

  @Test
  void should_add_the_cluster_to_a_failing_before_each_method() {
    EngineExecutionResults results = TestKit.run(FailingBeforeEachFixture.class);

    Throwable failure = onlyFailure(results);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage()).startsWith("Ringlet cluster of this test:");
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.failed(1));
    return results.testEvents().failed().stream().findFirst()
        .flatMap(Event::getPayload).map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable().orElseThrow())
        .orElseThrow();
  }

  @Test
  void should_explain_why_a_fresh_keyspace_session_cannot_be_injected_before_all() {
    EngineExecutionResults results = TestKit.run(FreshKeyspaceSessionInBeforeAllFixture.class);

    results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains(
        "with Isolation.FRESH_KEYSPACE each test has its own keyspace (expected: a CqlSession parameter of a test"
            + " method or a @BeforeEach/@AfterEach method)"))));
  }
}
