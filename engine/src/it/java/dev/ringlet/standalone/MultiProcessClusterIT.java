package dev.ringlet.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.driver.wait.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three {@code java -jar ringlet.jar --seeds ...} processes form one cluster over TCP: the driver
 * sees three nodes, RF=3 QUORUM works, and after one process is killed (SIGKILL) the driver sees it
 * DOWN and QUORUM keeps working. A fourth process started once the cluster holds data bootstraps
 * (it serves its ranges at ONE), and {@code ringlet.jar nodetool decommission} makes one leave.
 */
class MultiProcessClusterIT {

  private static final String JAR = System.getProperty("ringlet.jar", "target/ringlet.jar");
  /** The ready line of a process: its contact point, then (inside the parentheses) its internode address. */
  private static final Pattern READY = Pattern.compile("^Ringlet ready: ([0-9.]+):(\\d+) .*, internode ([0-9.]+):(\\d+)\\)$");
  /** Processes in other JVMs: starting, joining and failure detection take longer than in one. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
  }

  /** The loopback address of rack {@code rN}: {@code 127.0.0.N}. */
  private static String addressOf(String rack) {
    return "127.0.0." + rack.substring(1);
  }

  /** A started process's contact point (its native port) and internode address, both bound to free ports. */
  private record Started(InetSocketAddress contactPoint, InetSocketAddress internode) {}

  /**
   * Starts a process on its own loopback address, {@code 127.0.0.N} for rack {@code rN}, as nodes of
   * a real cluster have: {@code system.peers} is keyed by address alone, so processes sharing one
   * address would be one row there, and the driver's schema agreement (which reads {@code system.peers})
   * would not wait for the others (as with Cassandra, which cannot have two nodes on one address).
   * Its native and internode ports are free ones it binds itself (port 0) and reports in its ready
   * line, which it prints once it has joined through {@code seed} (null: it is the first node, its own seed).
   */
  private Started startNode(String rack, InetSocketAddress seed) throws IOException {
    String address = addressOf(rack);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String seeds = seed == null ? address + ":0" : seed.getAddress().getHostAddress() + ":" + seed.getPort();
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", JAR, "--cluster-name", "multi-process-it",
        "--address", address, "--port", "0", "--rack", rack, "--num-tokens", "4",
        "--internode-port", "0", "--seeds", seeds))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    processes.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine(); // blocks until the node has joined (or the process ended)
    assertThat(line).as("ready line of the node in " + rack).isNotNull().startsWith("Ringlet ready: ");
    Matcher m = READY.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    return new Started(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))),
        new InetSocketAddress(m.group(3), Integer.parseInt(m.group(4))));
  }

  @Test
  void three_processes_should_form_one_cluster_that_keeps_quorum_when_one_is_killed() throws Exception {
    Started seed = startNode("r1", null);
    InetSocketAddress first = seed.contactPoint();
    startNode("r2", seed.internode());
    InetSocketAddress third = startNode("r3", seed.internode()).contactPoint();

    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(15))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(15))
        .build();
    try (CqlSession session = CqlSession.builder().addContactPoint(first).withLocalDatacenter("datacenter1").withConfigLoader(config)
        .build()) {
      Await.until(WAIT, () -> session.getMetadata().getNodes().size() == 3
          && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      assertThat(session.checkSchemaAgreement()).isTrue();
      for (int k = 0; k < 30; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (?, ?)", k, "v" + k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM));
      }
      for (int k = 0; k < 30; k++) {
        Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", k)
            .setConsistencyLevel(ConsistencyLevel.ALL)).one();
        assertThat(row.getString(0)).isEqualTo("v" + k);
      }
      // a traced read at ALL: each process records its own events (its address as source), sent back over TCP
      com.datastax.oss.driver.api.core.cql.QueryTrace trace = session.execute(SimpleStatement.newInstance(
          "SELECT v FROM ks.t WHERE k = 1").setConsistencyLevel(ConsistencyLevel.ALL).setTracing(true))
          .getExecutionInfo().getQueryTrace();
      assertThat(trace.getEvents().stream().filter(e -> e.getActivity().equals("Executing single-partition query on t"))
          .map(e -> e.getSourceAddress().getAddress()).distinct().count()).isEqualTo(3);
      assertThat(trace.getEvents()).filteredOn(e -> e.getActivity().startsWith("READ_REQ message received from /"))
          .hasSize(2);

      Node victim = session.getMetadata().findNode(third).orElseThrow();
      Process killed = processes.get(2);
      killed.destroyForcibly(); // SIGKILL: no goodbye, the others must detect it
      assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // The driver sees it DOWN, and the survivors' failure detectors convict it (until then a read
      // may pick it and time out, as in Cassandra without speculative retry).
      Await.until(WAIT, () -> victim.getState() == NodeState.DOWN && quorumReadWorks(session));
      for (int k = 100; k < 130; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (?, 'after')", k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM));
      }
      for (int k = 0; k < 30; k++) {
        assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM)).one().getString(0)).isEqualTo("v" + k);
        assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", 100 + k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM)).one().getString(0)).isEqualTo("after");
      }
    }
  }

  @Test
  void a_process_started_later_should_bootstrap_and_nodetool_should_decommission_one() throws Exception {
    Started seed = startNode("r1", null);
    InetSocketAddress first = seed.contactPoint();
    startNode("r2", seed.internode());
    int thirdInternode = startNode("r3", seed.internode()).internode().getPort();

    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(15))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(15))
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
        .build();
    try (CqlSession session = CqlSession.builder().addContactPoint(first).withLocalDatacenter("datacenter1").withConfigLoader(config)
        .build()) {
      Await.until(WAIT, () -> session.getMetadata().getNodes().size() == 3
          && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      assertThat(session.checkSchemaAgreement()).isTrue();
      for (int k = 0; k < 200; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (?, ?)", k, "v" + k)
            .setConsistencyLevel(ConsistencyLevel.ALL));
      }

      // A fourth process: it prints its ready line only once it has streamed its ranges.
      InetSocketAddress fourth = startNode("r4", seed.internode()).contactPoint();
      Await.until(WAIT, () -> session.getMetadata().findNode(fourth).map(n -> n.getState() == NodeState.UP).orElse(false)
          && session.getMetadata().getTokenMap().map(m -> !m.getTokens(session.getMetadata().findNode(fourth).get()).isEmpty())
              .orElse(false));
      Node added = session.getMetadata().findNode(fourth).orElseThrow();
      Await.until(WAIT, () -> { // the driver's pool to the new node is open
        try {
          session.execute(SimpleStatement.newInstance("SELECT key FROM system.local").setNode(added));
          return true;
        } catch (DriverException e) {
          return false;
        }
      });
      com.datastax.oss.driver.api.core.metadata.TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
      int owned = 0;
      for (int k = 0; k < 200; k++) {
        java.nio.ByteBuffer key = com.datastax.oss.driver.api.core.type.codec.TypeCodecs.INT.encode(k,
            com.datastax.oss.driver.api.core.ProtocolVersion.DEFAULT);
        if (tokens.getReplicas("ks", key).contains(added)) {
          owned++;
          // coordinated by the new node, a replica: read at ONE from its own store
          Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", k)
              .setConsistencyLevel(ConsistencyLevel.ONE).setNode(added)).one();
          assertThat(row).as("row " + k + " on the bootstrapped node").isNotNull();
          assertThat(row.getString(0)).isEqualTo("v" + k);
        }
      }
      assertThat(owned).as("rows the new node replicates").isPositive();

      // nodetool decommission of the third: it streams to the others, leaves, and its process exits.
      Process nodetool = nodetool("--host", addressOf("r3"), "--port", String.valueOf(thirdInternode), "decommission");
      assertThat(nodetool.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(nodetool.exitValue()).as("nodetool decommission exit status").isZero();
      Process decommissioned = processes.get(2);
      assertThat(decommissioned.waitFor(60, TimeUnit.SECONDS)).as("the decommissioned process exits").isTrue();
      Await.until(WAIT, () -> session.getMetadata().getNodes().size() == 3);
      for (int k = 0; k < 200; k++) {
        assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", k)
            .setConsistencyLevel(ConsistencyLevel.ALL)).one().getString(0)).isEqualTo("v" + k);
      }
    }
  }

  private Process nodetool(String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-jar", JAR, "nodetool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    processes.add(p);
    return p;
  }

  private static boolean quorumReadWorks(CqlSession session) {
    try {
      for (int k = 0; k < 30; k++) {
        session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ?", k).setConsistencyLevel(ConsistencyLevel.QUORUM));
      }
      return true;
    } catch (DriverException e) {
      return false;
    }
  }
}
