package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.TraceEvent;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Paxos's trace events across replicas: a 3-node cluster at replication factor 3 records, for each
 * scenario of {@link ClusterTracingScenarios}, the events 5.0.9's 3-node cluster recorded
 * ({@code tracing/cluster-events-5.0.9.txt}). 5.0's nodes run the coordinator's local replica and
 * the messages on other threads, so its events interleave differently from run to run: the
 * comparison is per source (the coordinator, and each other replica) as a multiset, plus the order
 * of the coordinator's own Paxos steps and of each replica's requests. The events of the read of the
 * current values are left out: 5.0 reads a names query from one replica and digests from the others,
 * speculating on a third at random.
 */
class DriverClusterTracingTest {

  @Test
  void should_record_the_paxos_events_5_0_9_records_on_three_nodes() throws Exception {
    Map<String, List<ClusterTracingScenarios.Recorded>> recorded = ClusterTracingScenarios.recorded();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      for (String ddl : ClusterTracingScenarios.schema()) {
        session.execute(ddl);
      }
      InetAddress coordinator = cluster.nodes().get(0).nativeAddress().getAddress();
      Node node = session.getMetadata().getNodes().values().stream()
          .filter(n -> n.getBroadcastRpcAddress().orElseThrow().getAddress().equals(coordinator)).findFirst().orElseThrow();
      for (ClusterTracingScenarios.Scenario s : ClusterTracingScenarios.all()) {
        // Given: the scenario's set-up, then its request, traced, on the first node
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        QueryTrace trace = session.execute(s.traced().setNode(node).setTracing(true)).getExecutionInfo().getQueryTrace();
        List<ClusterTracingScenarios.Event> events = new ArrayList<>();
        for (TraceEvent e : trace.getEvents()) {
          events.add(new ClusterTracingScenarios.Event(e.getSourceAddress().getAddress(), e.getActivity()));
        }
        List<ClusterTracingScenarios.Recorded> actual = new ArrayList<>();
        for (ClusterTracingScenarios.Event e : events) {
          actual.add(new ClusterTracingScenarios.Recorded(ClusterTracingScenarios.role(e.source(), coordinator, events),
              ClusterTracingScenarios.normalise(e.activity(), coordinator)));
        }
        List<ClusterTracingScenarios.Recorded> expected = recorded.get(s.name());
        assertThat(expected).as("recorded scenario " + s.name()).isNotNull();

        // Then: the coordinator's events, and its own steps in 5.0's order
        assertThat(sorted(paxos(of(actual, "C")))).as(s.name() + " coordinator").isEqualTo(sorted(paxos(of(expected, "C"))));
        assertThat(steps(of(actual, "C"))).as(s.name() + " coordinator steps").isEqualTo(steps(of(expected, "C")));
        // and each other replica's, in the order of its requests (the two replicas in either order)
        assertThat(replicas(actual, DriverClusterTracingTest::sorted)).as(s.name() + " replicas")
            .isEqualTo(replicas(expected, DriverClusterTracingTest::sorted));
        assertThat(replicas(actual, DriverClusterTracingTest::requests)).as(s.name() + " replica requests")
            .isEqualTo(replicas(expected, DriverClusterTracingTest::requests));
      }
    }
  }

  private static List<String> of(List<ClusterTracingScenarios.Recorded> events, String role) {
    return events.stream().filter(e -> e.role().equals(role)).map(ClusterTracingScenarios.Recorded::activity)
        .collect(Collectors.toList());
  }

  /** Per non-coordinator replica, {@code view} of its events; the views sorted, the replicas being alike. */
  private static List<List<String>> replicas(List<ClusterTracingScenarios.Recorded> events,
      java.util.function.Function<List<String>, List<String>> view) {
    Map<String, List<String>> byRole = new TreeMap<>();
    for (ClusterTracingScenarios.Recorded e : events) {
      if (!e.role().equals("C")) {
        byRole.computeIfAbsent(e.role(), r -> new ArrayList<>()).add(e.activity());
      }
    }
    List<List<String>> out = new ArrayList<>();
    byRole.values().forEach(v -> out.add(view.apply(paxos(v))));
    out.sort(java.util.Comparator.comparing(Object::toString));
    return out;
  }

  /** The events without those of the read of the current values (a table's read, and its messages). */
  private static List<String> paxos(List<String> activities) {
    return activities.stream().filter(a -> !isRead(a)).collect(Collectors.toList());
  }

  private static boolean isRead(String a) {
    return a.startsWith("READ_REQ ") || a.startsWith("READ_RSP ") || a.startsWith("Sending READ_") || a.startsWith("reading ")
        || a.startsWith("speculating ") || a.startsWith("Enqueuing response to ") || a.startsWith("Processing response from ")
        || a.equals("Executing single-partition query on lines") || a.equals("Acquiring sstable references")
        || a.equals("Merging memtable contents") || a.startsWith("Skipped ") || a.startsWith("Merged data ")
        || a.matches("Read [0-9]+ live rows and [0-9]+ tombstone cells");
  }

  private static List<String> sorted(List<String> activities) {
    List<String> s = new ArrayList<>(activities);
    java.util.Collections.sort(s);
    return s;
  }

  /** The coordinator's own Paxos steps, in order. */
  private static List<String> steps(List<String> activities) {
    return activities.stream().filter(a -> a.startsWith("Preparing <") || a.startsWith("Reading existing values")
        || a.startsWith("CAS ") || a.startsWith("Some replicas") || a.startsWith("Paxos proposal")).collect(Collectors.toList());
  }

  /** The requests a replica handled, in order. */
  private static List<String> requests(List<String> activities) {
    return activities.stream().filter(a -> a.contains("_REQ message received")).collect(Collectors.toList());
  }
}
