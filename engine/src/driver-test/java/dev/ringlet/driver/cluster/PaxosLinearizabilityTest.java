package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.cluster.LinearizabilityChecker.Op;
import dev.ringlet.driver.cluster.LinearizabilityChecker.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent compare-and-set clients on one partition of a 3-node RF=3 cluster, while nodes are
 * killed and restarted and isolated and healed: the history they observe must be linearizable. The
 * same checker rejects the history of a broken CAS (read at ONE, then write at ONE).
 */
class PaxosLinearizabilityTest {

  private static final int CLIENTS = 4;
  private static final int OPS_PER_CLIENT = 40;

  @Test
  void should_produce_a_linearizable_history_under_kills_and_partitions() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults().withNodes(3).withWriteTimeout(Duration.ofMillis(300))
        .withReadTimeout(Duration.ofMillis(300));
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = session(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.reg (k int PRIMARY KEY, v int)");
      List<Op> history = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      assertThat(session.execute("INSERT INTO ks.reg (k, v) VALUES (0, 0) IF NOT EXISTS").wasApplied()).isTrue();
      history.add(new Op(0, null, 0, t0, System.nanoTime(), Outcome.APPLIED, null));
      PreparedStatement cas = session.prepare("UPDATE ks.reg SET v = ? WHERE k = 0 IF v = ?");
      AtomicInteger completed = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 1; c <= CLIENTS; c++) {
        int client = c;
        running.add(clients.submit(() -> runClient(session, cas, client, history, completed)));
      }
      // Faults, one after another, each once the clients have made some progress.
      int[] progress = {20, 40, 60, 80, 100, 120};
      for (int step = 0; step < progress.length; step++) {
        int target = progress[step];
        Await.until(() -> completed.get() >= target || running.stream().allMatch(Future::isDone));
        RingletNode victim = cluster.node(step % 3);
        if (step % 2 == 0) {
          if (victim.isRunning()) {
            victim.kill();
          } else {
            victim.start();
          }
        } else {
          cluster.node((step + 1) % 3).start();
          cluster.isolate(victim);
        }
        if (step % 2 == 1) {
          Await.until(() -> completed.get() >= target + 10 || running.stream().allMatch(Future::isDone));
          cluster.heal();
        }
      }
      cluster.resetFaults();
      for (Future<?> f : running) {
        f.get();
      }
      clients.shutdown();
      long applied = history.stream().filter(o -> o.outcome() == Outcome.APPLIED).count();
      assertThat(applied).as("some writes applied").isGreaterThan(CLIENTS);
      assertThat(LinearizabilityChecker.isLinearizable(history)).as("history of %s operations", history.size()).isTrue();
    }
  }

  private static void runClient(CqlSession session, PreparedStatement cas, int client, List<Op> history, AtomicInteger completed) {
    Integer expected = 0;
    for (int i = 1; i <= OPS_PER_CLIENT; i++) {
      int value = client * 1000 + i;
      long invoked = System.nanoTime();
      try {
        Row row = session.execute(cas.bind(value, expected)).one();
        long returned = System.nanoTime();
        if (row.getBoolean("[applied]")) {
          history.add(new Op(client, expected, value, invoked, returned, Outcome.APPLIED, null));
          expected = value;
        } else {
          Integer seen = row.isNull("v") ? null : row.getInt("v");
          history.add(new Op(client, expected, value, invoked, returned, Outcome.NOT_APPLIED, seen));
          expected = seen;
        }
      } catch (UnavailableException e) {
        // Refused before any message: it did not happen.
      } catch (DriverException e) {
        history.add(new Op(client, expected, value, invoked, Long.MAX_VALUE, Outcome.UNKNOWN, null));
      }
      completed.incrementAndGet();
    }
  }

  @Test
  void should_reject_the_history_of_a_read_then_write_compare_and_set() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = session(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.reg (k int PRIMARY KEY, v int)");
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.reg (k, v) VALUES (0, 0)").setConsistencyLevel(ConsistencyLevel.ALL));
      List<Op> history = new ArrayList<>();
      history.add(new Op(0, null, 0, 0, 1, Outcome.APPLIED, null));
      cluster.isolate(cluster.node(0));
      history.add(brokenCas(session, node(session, cluster.node(0)), 1, 0, 1));
      history.add(brokenCas(session, node(session, cluster.node(1)), 2, 0, 2));
      assertThat(history).extracting(Op::outcome).containsOnly(Outcome.APPLIED);
      assertThat(LinearizabilityChecker.isLinearizable(history)).isFalse();
    }
  }

  /** Not a CAS: a read at ONE, then a write at ONE if the value matched. */
  private static Op brokenCas(CqlSession session, Node coordinator, int client, int expected, int value) {
    long invoked = System.nanoTime();
    Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM ks.reg WHERE k = 0")
        .setConsistencyLevel(ConsistencyLevel.ONE).setNode(coordinator)).one();
    if (row.getInt("v") != expected) {
      return new Op(client, expected, value, invoked, System.nanoTime(), Outcome.NOT_APPLIED, row.getInt("v"));
    }
    session.execute(SimpleStatement.newInstance("UPDATE ks.reg SET v = " + value + " WHERE k = 0")
        .setConsistencyLevel(ConsistencyLevel.ONE).setNode(coordinator));
    return new Op(client, expected, value, invoked, System.nanoTime(), Outcome.APPLIED, null);
  }

  private static Node node(CqlSession session, RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }

  private static CqlSession session(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
            .build())
        .build();
  }
}
