package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.node.ProcessCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ringlet.jar nodetool}: its command line, and its commands against nodes over their internode port. */
class NodeToolTest {

  private final List<ProcessCluster> processes = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void close() {
    processes.forEach(ProcessCluster::close);
  }

  @Test
  void should_parse_the_node_address_the_command_and_its_arguments() {
    NodeTool.Invocation defaults = NodeTool.parse(List.of("status"));
    assertThat(defaults.node()).isEqualTo(new InetSocketAddress("127.0.0.1", 7000));
    assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(defaults.command().name()).isEqualTo("status");

    NodeTool.Invocation repair = NodeTool.parse(List.of("-h", "10.0.0.1", "--port", "7001", "--timeout", "5", "repair", "ks", "t"));
    assertThat(repair.node()).isEqualTo(new InetSocketAddress("10.0.0.1", 7001));
    assertThat(repair.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(repair.command().arguments()).containsExactly("ks", "t");
    assertThat(NodeTool.parse(List.of("--help"))).isNull();
    assertThat(NodeTool.parse(List.of("pause")).command().name()).isEqualTo("pause");
    assertThatThrownBy(() -> NodeTool.parse(List.of("stop", "now"))).hasMessage("stop takes no arguments: [now]");

    assertThatThrownBy(() -> NodeTool.parse(List.of())).hasMessageStartingWith("missing command");
    assertThatThrownBy(() -> NodeTool.parse(List.of("move", "1"))).hasMessageStartingWith("unknown command move");
    assertThatThrownBy(() -> NodeTool.parse(List.of("removenode"))).hasMessage("removenode takes one host id: []");
    assertThatThrownBy(() -> NodeTool.parse(List.of("--port", "x", "status"))).hasMessage("--port: x (expected: a number)");
    assertThat(run("--bogus", "1", "status")).isEqualTo(2);
    assertThat(text(err)).startsWith("nodetool: unknown option --bogus").contains("Usage: java -jar ringlet.jar nodetool");
  }

  @Test
  void should_fail_at_once_when_no_node_listens() throws IOException {
    // a port held by a bound socket that does not listen: connections are refused, and no other process can take it
    try (java.net.Socket held = new java.net.Socket()) {
      held.bind(listen(0));
      int port = held.getLocalPort();
      assertThat(run("--port", String.valueOf(port), "status")).isEqualTo(1);
      assertThat(text(err)).startsWith("error: Failed to connect to '127.0.0.1:" + port + "' - ConnectException");
    }
  }

  @Test
  void should_show_status_repair_refuse_and_decommission_through_the_internode_port() throws Exception {
    InetSocketAddress seed = null;
    for (int i = 1; i <= 4; i++) {
      ProcessCluster p = start("r" + i, seed);
      seed = seed == null ? p.internodeAddress() : seed;
    }
    Await.until(() -> processes.stream().allMatch(p -> p.knownMembers() == 4)
        && processes.get(0).nodes().stream().allMatch(dev.ringlet.api.RingletNode::isRunning));
    String port = String.valueOf(seed.getPort());

    assertThat(run("--port", port, "status")).isZero();
    List<String> lines = text(out).lines().toList();
    assertThat(lines.subList(0, 5)).containsExactly("Datacenter: datacenter1", "=======================", "Status=Up/Down",
        "|/ State=Normal/Leaving/Joining/Moving",
        "--  Address               Tokens  Host ID                               Rack");
    assertThat(lines.subList(5, lines.size())).hasSize(4).allMatch(l -> l.startsWith("UN  127.0.0.1:"));
    for (ProcessCluster p : processes) {
      assertThat(lines).anyMatch(l -> l.contains(" " + p.nodes().get(0).hostId() + "  " + p.nodes().get(0).rack()));
    }

    try (CqlSession session = CqlSession.builder().addContactPoint(processes.get(0).contactPoints().get(0))
        .withLocalDatacenter("datacenter1").build()) {
      // made on the node nodetool asks (the others get the schema pushed)
      com.datastax.oss.driver.api.core.metadata.Node asked = session.getMetadata().getNodes()
          .get(processes.get(0).nodes().get(0).hostId());
      session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
          "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}").setNode(asked));
      session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance("CREATE TABLE ks.t (k int PRIMARY KEY)")
          .setNode(asked));
    }
    out.reset();
    assertThat(run("--port", port, "repair", "ks")).isZero();
    assertThat(text(out)).isEqualTo("Repair of keyspace ks completed successfully: 0 partition copies written to replicas that"
        + " differed\n");
    assertThat(run("--port", port, "repair", "nope")).isEqualTo(1);
    assertThat(text(err)).isEqualTo("error: Keyspace [nope] does not exist.\n");
    err.reset();
    assertThat(run("--port", port, "removenode", UUID.randomUUID().toString())).isEqualTo(1);
    assertThat(text(err)).isEqualTo("error: Host ID not found.\n");

    // The fourth node decommissions: it leaves the ring, and its process is told to go (the server exits there).
    ProcessCluster fourth = processes.get(3);
    CountDownLatch gone = new CountDownLatch(1);
    fourth.onLeft(gone::countDown);
    out.reset();
    assertThat(run("--port", String.valueOf(portOf(fourth)), "decommission")).isZero();
    assertThat(text(out)).isEmpty();
    assertThat(gone.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(fourth.nodes().get(0).isRunning()).isFalse();
    Await.until(() -> processes.subList(0, 3).stream().allMatch(p -> p.knownMembers() == 3));
    out.reset();
    assertThat(run("--port", port, "status")).isZero();
    assertThat(text(out).lines().filter(l -> l.startsWith("UN"))).hasSize(3)
        .noneMatch(l -> l.contains(fourth.nodes().get(0).hostId().toString()));
  }

  // ------------------------------------------------------------------ helpers

  private int run(String... args) {
    return NodeTool.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private final java.util.Map<ProcessCluster, Integer> ports = new java.util.HashMap<>();

  private int portOf(ProcessCluster p) {
    return ports.get(p);
  }

  /** A node on free internode and native ports it binds itself; {@code seed} null: the first, alone. */
  private ProcessCluster start(String rack, InetSocketAddress seed) {
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("nodetool-test").withRack(rack).withAddress("127.0.0.1")
        .withPort(0).withNumTokens(4);
    ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec, listen(0), seed == null ? List.of() : List.of(seed),
        Duration.ofSeconds(30)));
    processes.add(p);
    ports.put(p, p.internodeAddress().getPort());
    return p;
  }

  private static InetSocketAddress listen(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }


}
