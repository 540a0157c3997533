package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Records {@link PaxosContention}'s scenarios from a real Cassandra 5.0.9 cluster of three nodes
 * ({@code tools/reference-cluster.sh start --nodes 3}), appending them to a file in the form of
 * {@code tracing/cluster-events-5.0.9.txt}; run by hand, not by the build:
 *
 * <pre>{@code java -cp <engine test classpath> dev.ringlet.driver.PaxosContentionRecorder PHASE 127.0.0.1:9195 <file> <cluster folder> <pid1> <pid2> <pid3>}</pre>
 *
 * <p>The interleavings come from pausing nodes ({@code kill -STOP}/{@code -CONT}) until the others
 * convict or see them again (their {@code system.log}'s "is now DOWN/UP"). Phase {@code plain}
 * records the repair of a replica that missed a commit and the finishing of an accepted proposal
 * that was never committed; phase {@code skewed} needs node 2 started with a wall clock 600 s
 * ahead (5.0's {@code -Dcassandra.clock}) and every node with {@code internode_timeout: false}, so
 * that node 2's ballots are higher than node 1's: a prepare the replicas refuse, and a proposal
 * they refuse (sampled from concurrent requests until one matches {@link PaxosContention#PRE_EMPTED_STEPS}; failing
 * that, the first whose proposal was refused, as {@code paxos_proposal_pre_empted~sampled}).
 */
public final class PaxosContentionRecorder {

  private final CqlSession session;
  private final List<Node> nodes;
  private final List<InetAddress> addresses;
  private final Path clusterFolder;
  private final long[] pids;

  private PaxosContentionRecorder(CqlSession session, List<Node> nodes, Path clusterFolder, long[] pids) {
    this.session = session;
    this.nodes = nodes;
    this.addresses = new ArrayList<>();
    nodes.forEach(n -> addresses.add(n.getBroadcastRpcAddress().orElseThrow().getAddress()));
    this.clusterFolder = clusterFolder;
    this.pids = pids;
  }

  public static void main(String[] args) throws Exception {
    String phase = args[0];
    String[] hostPort = args[1].split(":");
    InetSocketAddress contact = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    Path out = Path.of(args[2]);
    long[] pids = {Long.parseLong(args[4]), Long.parseLong(args[5]), Long.parseLong(args[6])};
    try (CqlSession session = CqlSession.builder().addContactPoint(contact).withLocalDatacenter("datacenter1").build()) {
      List<Node> nodes = new ArrayList<>(session.getMetadata().getNodes().values());
      nodes.sort(java.util.Comparator.comparing(n -> n.getBroadcastRpcAddress().orElseThrow().getAddress().getHostAddress()));
      PaxosContentionRecorder r = new PaxosContentionRecorder(session, nodes, Path.of(args[3]), pids);
      String recorded = phase.equals("plain") ? r.plain() : r.skewed();
      Files.writeString(out, recorded, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private String plain() throws Exception {
    createSchema();
    StringBuilder b = new StringBuilder();
    // A replica that missed the most recent commit (paused while it was made) is repaired first.
    run(0, PaxosContention.setup(PaxosContention.REPAIR_KEY));
    pause(2);
    run(0, List.of(PaxosContention.update(PaxosContention.REPAIR_KEY, "b", "a")));
    resume(2);
    pause(1);
    b.append(traced(PaxosContention.REPAIR, 0, PaxosContention.update(PaxosContention.REPAIR_KEY, "c", "b")));
    resume(1);
    // A proposal accepted by two replicas whose commit at ALL was Unavailable is finished by the next round.
    run(0, PaxosContention.setup(PaxosContention.FINISH_KEY));
    pause(2);
    try {
      session.execute(SimpleStatement.newInstance(PaxosContention.update(PaxosContention.FINISH_KEY, "b", "a"))
          .setNode(nodes.get(0)).setConsistencyLevel(DefaultConsistencyLevel.ALL));
      throw new IllegalStateException("the commit at ALL with a node down was not Unavailable");
    } catch (com.datastax.oss.driver.api.core.AllNodesFailedException failed) {
      // the driver's retry policy tries another node, and there is none it may use
      Throwable first = failed.getAllErrors().values().iterator().next().get(0);
      b.append("# ").append(PaxosContention.FINISH).append(": ALL with node 3 down: ").append(first.getMessage()).append('\n');
    }
    b.append(traced(PaxosContention.FINISH, 0, PaxosContention.update(PaxosContention.FINISH_KEY, "c", "b")));
    resume(2);
    return b.toString();
  }

  private String skewed() throws Exception {
    // a new table: no Paxos state of an earlier run (node 2's ballots are ahead of every other's)
    session.execute("CREATE KEYSPACE IF NOT EXISTS trace_cl WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("DROP TABLE IF EXISTS trace_cl.lines");
    session.execute(ClusterTracingScenarios.schema().get(1));
    for (Node node : nodes) {
      while (true) {
        try {
          session.execute(SimpleStatement.newInstance("SELECT * FROM trace_cl.lines WHERE p = 0").setNode(node)
              .setConsistencyLevel(DefaultConsistencyLevel.ALL));
          break;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          Thread.sleep(500);
        }
      }
    }
    StringBuilder b = new StringBuilder();
    // Node 1 misses a round node 2 led (its ballot 600 s ahead); node 1's next, lower, ballot is refused.
    if (!"pre-empted".equals(System.getProperty("paxos4.only"))) {
      run(0, PaxosContention.setup(PaxosContention.REFUSED_KEY));
      pause(0);
      run(1, List.of(PaxosContention.update(PaxosContention.REFUSED_KEY, "b", "a")));
      resume(0);
      b.append(traced(PaxosContention.REFUSED, 0, PaxosContention.update(PaxosContention.REFUSED_KEY, "c", "b")));
      System.err.print(b);
    }
    // Node 2's round between node 1's prepare and proposal: sampled until node 1's steps are PRE_EMPTED's.
    run(0, PaxosContention.setup(PaxosContention.PRE_EMPTED_KEY));
    String firstRefused = null;
    for (int attempt = 0; attempt < 300; attempt++) {
      // node 1 learns node 2's latest ballot (its serial read's round ends above it), so that its
      // next round starts above every ballot so far and only node 2's next round can overtake it
      session.execute(SimpleStatement.newInstance("SELECT v FROM trace_cl.lines WHERE p = " + PaxosContention.PRE_EMPTED_KEY)
          .setNode(nodes.get(0)).setConsistencyLevel(DefaultConsistencyLevel.SERIAL));
      CompletionStage<?> mine = session.executeAsync(SimpleStatement.newInstance(
          PaxosContention.update(PaxosContention.PRE_EMPTED_KEY, "m" + attempt, null)).setNode(nodes.get(0))
          .setConsistencyLevel(DefaultConsistencyLevel.QUORUM).setTracing(true));
      Thread.sleep(attempt % 13);
      CompletionStage<?> other = session.executeAsync(SimpleStatement.newInstance(
          PaxosContention.update(PaxosContention.PRE_EMPTED_KEY, "n" + attempt, null)).setNode(nodes.get(1))
          .setConsistencyLevel(DefaultConsistencyLevel.QUORUM));
      UUID id;
      try {
        id = ((com.datastax.oss.driver.api.core.cql.AsyncResultSet) mine.toCompletableFuture().join()).getExecutionInfo()
            .getTracingId();
      } catch (java.util.concurrent.CompletionException e) {
        System.err.println("attempt " + attempt + ": " + e.getCause());
        continue;
      } finally {
        try {
          other.toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
          System.err.println("attempt " + attempt + ", node 2: " + e.getCause());
        }
      }
      List<ClusterTracingScenarios.Event> events = ClusterTracingRecorder.settled(session, id, nodes.get(0));
      List<String> steps = new ArrayList<>();
      for (ClusterTracingScenarios.Event e : events) {
        if (e.source().equals(addresses.get(0)) && PaxosContention.isStep(e.activity())) {
          steps.add(TracingScenarios.normalise(e.activity()));
        }
      }
      System.err.println("attempt " + attempt + ": " + steps);
      if (firstRefused == null && steps.contains("Paxos proposal not accepted (pre-empted by a higher ballot)")) {
        firstRefused = "# " + PaxosContention.PRE_EMPTED + "~sampled: the first sampled session whose proposal every replica refused\n"
            + ClusterTracingScenarios.format(PaxosContention.PRE_EMPTED + "~sampled", addresses.get(0), addresses, events);
      }
      if (steps.equals(PaxosContention.PRE_EMPTED_STEPS)) {
        b.append("# ").append(PaxosContention.PRE_EMPTED).append(": sampled at attempt ").append(attempt).append('\n');
        b.append(ClusterTracingScenarios.format(PaxosContention.PRE_EMPTED, addresses.get(0), addresses, events));
        return b.toString();
      }
    }
    // None went on as simply (node 2's later rounds refused node 1's again): the first pre-empted one.
    System.err.println("no attempt had the steps of " + PaxosContention.PRE_EMPTED);
    return b.append(firstRefused == null ? "" : firstRefused).toString();
  }

  private void createSchema() throws InterruptedException {
    ClusterTracingRecorder.createSchema(session);
  }

  private void run(int node, List<String> statements) {
    for (String cql : statements) {
      session.execute(SimpleStatement.newInstance(cql).setNode(nodes.get(node)).setConsistencyLevel(DefaultConsistencyLevel.QUORUM));
    }
  }

  private String traced(String name, int node, String cql) throws InterruptedException {
    UUID id = session.execute(SimpleStatement.newInstance(cql).setNode(nodes.get(node))
        .setConsistencyLevel(DefaultConsistencyLevel.QUORUM).setTracing(true)).getExecutionInfo().getTracingId();
    return ClusterTracingScenarios.format(name, addresses.get(node), addresses, ClusterTracingRecorder.settled(session, id, nodes.get(node)));
  }

  /** Stops node {@code i} (0-based) and waits until every other node has convicted it. */
  private void pause(int i) throws IOException, InterruptedException {
    Map<Integer, Integer> before = counts(i, "DOWN");
    signal("STOP", i);
    awaitMore(i, "DOWN", before);
  }

  /** Resumes node {@code i} and waits until every other node sees it up, then a few gossip rounds more. */
  private void resume(int i) throws IOException, InterruptedException {
    Map<Integer, Integer> before = counts(i, "UP");
    signal("CONT", i);
    awaitMore(i, "UP", before);
    Thread.sleep(5000);
  }

  private void signal(String signal, int i) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pids[i])).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("kill -" + signal + " " + pids[i] + " failed");
    }
  }

  /** Per other node, how many times its log says node {@code i} "is now STATE". */
  private Map<Integer, Integer> counts(int i, String state) throws IOException {
    Map<Integer, Integer> out = new java.util.HashMap<>();
    String line = "/" + addresses.get(i).getHostAddress() + ":";
    for (int other = 0; other < nodes.size(); other++) {
      if (other == i) {
        continue;
      }
      Path log = clusterFolder.resolve("node" + (other + 1)).resolve("logs").resolve("system.log");
      int n = 0;
      for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (l.contains("InetAddress " + line) && l.contains("is now " + state)) {
          n++;
        }
      }
      out.put(other, n);
    }
    return out;
  }

  private void awaitMore(int i, String state, Map<Integer, Integer> before) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      Map<Integer, Integer> now = counts(i, state);
      boolean all = true;
      for (Map.Entry<Integer, Integer> e : before.entrySet()) {
        all &= now.get(e.getKey()) > e.getValue();
      }
      if (all) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("node " + (i + 1) + " not seen " + state + " by every other node: " + now);
      }
      Thread.sleep(500);
    }
  }
}
