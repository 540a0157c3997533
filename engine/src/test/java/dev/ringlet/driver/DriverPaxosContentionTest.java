package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.cluster.ManualClockSessions;
import dev.ringlet.driver.wait.Await;
import dev.ringlet.internal.node.LocalCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paxos's contention, refusal and repair events as 5.0.9's 3-node cluster traced them
 * ({@link PaxosContention}, recorded by {@link PaxosContentionRecorder}): the reference's
 * interleavings came from paused nodes and a node whose clock ran ahead; here stopped nodes and
 * message rules on a manual clock make the same ones, and the traces are compared as
 * {@link DriverClusterTracingTest} compares them. Node 0 coordinates every traced request.
 */
class DriverPaxosContentionTest {

  private RingletCluster cluster;
  private CqlSession session;
  private Map<String, List<ClusterTracingScenarios.Recorded>> recorded;
  private InetAddress coordinator;
  private final List<InetAddress> addresses = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    recorded = ClusterTracingScenarios.recorded();
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(20)));
    for (String ddl : ClusterTracingScenarios.schema()) {
      session.execute(ddl);
    }
    coordinator = cluster.node(0).nativeAddress().getAddress();
    cluster.nodes().forEach(n -> addresses.add(n.nativeAddress().getAddress()));
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_repair_a_replica_that_missed_the_last_commit_then_start_a_new_round() {
    // Given node 2 missed the last commit (down while it was made), and node 1 is down now
    run(0, PaxosContention.setup(PaxosContention.REPAIR_KEY).get(0));
    cluster.node(2).stop();
    run(0, PaxosContention.update(PaxosContention.REPAIR_KEY, "b", "a"));
    cluster.node(2).start();
    cluster.node(1).stop();
    // When node 0 runs a conditional update with node 2
    List<ClusterTracingScenarios.Recorded> actual = traced(PaxosContention.update(PaxosContention.REPAIR_KEY, "c", "b"));
    // Then it sends node 2 the commit it missed, starts over, and applies: 5.0.9's events and steps
    assertRepairRecorded(actual);
    cluster.node(1).start();
    assertThat(serialRead(PaxosContention.REPAIR_KEY)).isEqualTo("c");
  }

  @Test
  void should_finish_a_proposal_accepted_but_never_committed() {
    // Given a proposal accepted by nodes 0 and 1 whose commit at ALL was Unavailable (node 2 down)
    run(0, PaxosContention.setup(PaxosContention.FINISH_KEY).get(0));
    cluster.node(2).stop();
    // (the driver's retry policy tries another node, and there is none the statement may use)
    assertThatThrownBy(() -> session.execute(statement(0, PaxosContention.update(PaxosContention.FINISH_KEY, "b", "a"))
        .setConsistencyLevel(DefaultConsistencyLevel.ALL)))
        .isInstanceOfSatisfying(AllNodesFailedException.class, e -> assertThat(e.getAllErrors().values().iterator().next().get(0))
            .isInstanceOf(UnavailableException.class)
            .hasMessage("Not enough replicas available for query at consistency ALL (3 required but only 2 alive)"));
    // When node 0 runs the next conditional update, which expects the unfinished proposal's value
    List<ClusterTracingScenarios.Recorded> actual = traced(PaxosContention.update(PaxosContention.FINISH_KEY, "c", "b"));
    // Then it finishes that proposal first, then applies its own: 5.0.9's events
    assertRecorded(PaxosContention.FINISH, actual);
    cluster.node(2).start();
    assertThat(serialRead(PaxosContention.FINISH_KEY)).isEqualTo("c");
  }

  @Test
  void should_start_over_above_a_higher_ballot_the_replicas_promised() throws Exception {
    // Given node 0's prepare is on its way to nodes 1 and 2 (its own replica promised at once)
    run(0, PaxosContention.setup(PaxosContention.REFUSED_KEY).get(0));
    cluster.addRule(MessageRule.delay(Duration.ofSeconds(1)).verb(MessageVerb.PAXOS_PREPARE).from(cluster.node(0))
        .direction(MessageRule.Direction.REQUEST));
    CompletableFuture<List<ClusterTracingScenarios.Recorded>> pending = tracedAsync(
        PaxosContention.update(PaxosContention.REFUSED_KEY, "c", "b"));
    ((LocalCluster) cluster).awaitHeldMessages(2, Await.TIMEOUT);
    // And node 1 wins a round through itself and node 2 meanwhile, node 0 missing it (as if down)
    for (MessageVerb verb : List.of(MessageVerb.PAXOS_PREPARE, MessageVerb.PAXOS_PROPOSE, MessageVerb.PAXOS_COMMIT)) {
      cluster.addRule(MessageRule.drop().verb(verb).from(cluster.node(1)).to(cluster.node(0)));
    }
    run(1, PaxosContention.update(PaxosContention.REFUSED_KEY, "b", "a"));
    // When node 0's prepare arrives (the rules gone first, so that its next round goes straight through)
    cluster.resetFaults();
    cluster.advanceClock(Duration.ofSeconds(1));
    // Then both refuse it in 5.0.9's words; node 0 starts over above their ballot and repairs itself first
    assertRefusalsRecorded(PaxosContention.REFUSED, pending.get(), "Promise rejected; ", List.of("R1", "R2"), 4);
    assertThat(serialRead(PaxosContention.REFUSED_KEY)).isEqualTo("c");
  }

  @Test
  void should_start_over_when_every_replica_refuses_the_proposal() throws Exception {
    // Given node 0 prepared and waits for the digest of its read of the current values
    run(0, PaxosContention.setup(PaxosContention.PRE_EMPTED_KEY).get(0));
    cluster.addRule(MessageRule.delay(Duration.ofSeconds(1)).verb(MessageVerb.READ).from(cluster.node(0))
        .direction(MessageRule.Direction.REQUEST));
    CompletableFuture<List<ClusterTracingScenarios.Recorded>> pending = tracedAsync(
        PaxosContention.update(PaxosContention.PRE_EMPTED_KEY, "m0", null));
    ((LocalCluster) cluster).awaitHeldMessages(1, Await.TIMEOUT);
    // And node 1 runs a whole round with a higher ballot meanwhile
    run(1, PaxosContention.update(PaxosContention.PRE_EMPTED_KEY, "n0", null));
    // When node 0's read completes
    cluster.resetFaults();
    cluster.advanceClock(Duration.ofSeconds(1));
    // Then every replica refuses its proposal in 5.0.9's words, and it starts over
    assertRefusalsRecorded(PaxosContention.PRE_EMPTED + "~sampled", pending.get(), "Rejecting proposal for ",
        List.of("C", "R1", "R2"), 6);
    assertThat(serialRead(PaxosContention.PRE_EMPTED_KEY)).isEqualTo("m0");
  }

  /**
   * The refusals as 5.0.9 recorded them, for the scenarios whose recording raced on beyond them (a
   * node whose clock ran ahead, concurrent clients): each of {@code roles}' events that start with
   * {@code refusal} (their texts, in 5.0's words), and the coordinator's first {@code steps} steps.
   * Past those, the recordings went on as 5.0's threads raced (a repairing commit to the coordinator
   * itself went through its messaging, another round was refused once more), which Ringlet's
   * interleaving does not repeat.
   */
  private void assertRefusalsRecorded(String name, List<ClusterTracingScenarios.Recorded> actual, String refusal,
      List<String> roles, int steps) {
    List<ClusterTracingScenarios.Recorded> expected = recorded.get(name);
    assertThat(expected).as("recorded scenario " + name).isNotNull();
    for (String role : roles) {
      assertThat(refusals(DriverClusterTracingTest.of(actual, role), refusal)).as(role + " refusals")
          .isNotEmpty().isEqualTo(refusals(DriverClusterTracingTest.of(expected, role), refusal));
    }
    List<String> actualSteps = DriverClusterTracingTest.steps(DriverClusterTracingTest.of(actual, "C"));
    List<String> expectedSteps = DriverClusterTracingTest.steps(DriverClusterTracingTest.of(expected, "C"));
    assertThat(actualSteps.subList(0, Math.min(steps, actualSteps.size()))).as("coordinator steps")
        .isEqualTo(expectedSteps.subList(0, steps));
  }

  private static List<String> refusals(List<String> activities, String refusal) {
    return distinct(activities.stream().filter(a -> a.startsWith(refusal)).collect(java.util.stream.Collectors.toList()));
  }

  /**
   * The events match one of the scenario's recordings: {@code name}, or a variant {@code name~N}
   * that a run of the reference recorded when its threads raced otherwise (5.0 sends a repairing
   * commit and the next prepare on different stages, so a replica may answer the prepare first and
   * be repaired twice).
   */
  private void assertRecorded(String name, List<ClusterTracingScenarios.Recorded> actual) {
    List<AssertionError> misses = new ArrayList<>();
    for (Map.Entry<String, List<ClusterTracingScenarios.Recorded>> r : recorded.entrySet()) {
      if (r.getKey().equals(name) || r.getKey().startsWith(name + "~")) {
        try {
          DriverClusterTracingTest.assertSameEvents(r.getKey(), actual, r.getValue());
          return;
        } catch (AssertionError e) {
          misses.add(e);
        }
      }
    }
    assertThat(misses).as("recorded scenario " + name).isNotEmpty();
    throw misses.get(0);
  }

  /**
   * The repair scenario as recorded, but for how often the repair round ran: 5.0's replica handles
   * the repairing commit and the next round's prepare on a multi-threaded stage, and in every
   * recording answered the prepare first, so the coordinator repaired it a second time; Ringlet's
   * replica applies the commit first, and one repair round is enough. Compared: each node's distinct
   * events, and the coordinator's steps with a repeated repair round counted once.
   */
  private void assertRepairRecorded(List<ClusterTracingScenarios.Recorded> actual) {
    List<ClusterTracingScenarios.Recorded> expected = recorded.get(PaxosContention.REPAIR);
    assertThat(expected).as("recorded scenario " + PaxosContention.REPAIR).isNotNull();
    assertThat(distinct(DriverClusterTracingTest.of(actual, "C"))).as("coordinator")
        .isEqualTo(distinct(DriverClusterTracingTest.of(expected, "C")));
    assertThat(DriverClusterTracingTest.replicas(actual, DriverPaxosContentionTest::distinct)).as("replicas")
        .isEqualTo(DriverClusterTracingTest.replicas(expected, DriverPaxosContentionTest::distinct));
    assertThat(onceRepaired(DriverClusterTracingTest.steps(DriverClusterTracingTest.of(actual, "C")))).as("coordinator steps")
        .isEqualTo(onceRepaired(DriverClusterTracingTest.steps(DriverClusterTracingTest.of(expected, "C"))));
  }

  private static List<String> distinct(List<String> activities) {
    return new ArrayList<>(new java.util.TreeSet<>(DriverClusterTracingTest.paxos(activities)));
  }

  /** Steps with each repair round that follows another (repairing, then preparing again) left out. */
  private static List<String> onceRepaired(List<String> steps) {
    List<String> out = new ArrayList<>();
    boolean skipPreparing = false;
    for (String step : steps) {
      int n = out.size();
      if (skipPreparing && step.startsWith("Preparing <")) {
        skipPreparing = false;
      } else if (step.startsWith("Repairing ") && n >= 2 && out.get(n - 2).startsWith("Repairing ")
          && out.get(n - 1).startsWith("Preparing <")) {
        skipPreparing = true;
      } else {
        out.add(step);
      }
    }
    return out;
  }

  private void run(int node, String cql) {
    session.execute(statement(node, cql));
  }

  private SimpleStatement statement(int node, String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(DefaultConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(node)));
  }

  private List<ClusterTracingScenarios.Recorded> traced(String cql) {
    return DriverClusterTracingTest.traced(session, statement(0, cql), coordinator, addresses);
  }

  private CompletableFuture<List<ClusterTracingScenarios.Recorded>> tracedAsync(String cql) {
    return CompletableFuture.supplyAsync(() -> traced(cql));
  }

  private String serialRead(int key) {
    return session.execute(SimpleStatement.newInstance("SELECT v FROM trace_cl.lines WHERE p = " + key + " AND c = 1")
        .setConsistencyLevel(ConsistencyLevel.SERIAL).setNode(driverNode(cluster.node(0)))).one().getString(0);
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
