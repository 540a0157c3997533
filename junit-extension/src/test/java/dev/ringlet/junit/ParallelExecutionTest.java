package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests running at the same time, in one class and across classes sharing a cluster and a keyspace,
 * each see only their own rows: a reset never empties a table under a running test.
 */
class ParallelExecutionTest {

  static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

  @OnlyInTestKit
  @CassandraCluster(name = "Parallel", keyspace = "parallel", schema = "classpath:schema/fresh.cql")
  static class WritersFixture {
    @RepeatedTest(12)
    void writes_and_reads_back(CqlSession session) {
      THREADS.add(Thread.currentThread().getName());
      int id = (int) Thread.currentThread().getId();
      for (int i = 0; i < 20; i++) {
        session.execute("INSERT INTO notes (id, body) VALUES (?, ?)", id, "v" + i);
        assertThat(session.execute("SELECT body FROM notes WHERE id = ?", id).one().getString(0)).isEqualTo("v" + i);
      }
    }
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Parallel", keyspace = "parallel", schema = "classpath:schema/fresh.cql")
  static class MoreWritersFixture extends WritersFixture {}

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void should_keep_concurrent_tests_from_emptying_each_others_tables() {
    THREADS.clear();

    TestKit.assertAllSucceeded(TestKit.runInParallel(WritersFixture.class, MoreWritersFixture.class), 24);

    assertThat(THREADS).as("tests ran on several threads").hasSizeGreaterThan(1);
  }
}
