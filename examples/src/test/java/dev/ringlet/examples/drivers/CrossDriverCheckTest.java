package dev.ringlet.examples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cross-driver check ({@code tools/drivers/}): the Python driver (Debian's
 * {@code python3-cassandra}, the driver cqlsh uses) and the Node.js driver ({@code cassandra-driver}
 * from npm) each run their script against Ringlet, and the transcript must equal the golden one.
 *
 * <p>The single-node goldens ({@code drivers/python-node.golden}, {@code drivers/nodejs-node.golden})
 * were recorded from Apache Cassandra 5.0.9 with {@code tools/drivers/record.sh}. A single reference
 * node cannot show a cluster, so the cluster goldens ({@code *-cluster.golden}) hold what 5.0 answers
 * a three-node cluster with (three hosts with their tokens, writes coordinated by every node, a
 * stopped node reported down and then up by the driver's events, ALL unavailable while it is down);
 * they were written from a Ringlet run and checked line by line against those facts.
 *
 * <p>Each test runs when its driver is installed and is skipped otherwise ({@code .ci/run} installs
 * both, and sets {@code RINGLET_DRIVERS=required} so that a missing driver fails instead): Python's when {@code /usr/bin/python3} imports {@code cassandra}, Node's when
 * {@code node} finds {@code cassandra-driver} through {@code NODE_PATH} (or
 * {@code RINGLET_NODE_MODULES}).
 */
class CrossDriverCheckTest {

  private static final Path TOOLS = Path.of("").toAbsolutePath().getParent().resolve("tools/drivers");
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void python_driver_sees_a_node_as_cassandra_5_0() throws Exception {
    requireOrSkip(pythonDriverInstalled(), "python3-cassandra is not installed (apt-get install python3-cassandra)");
    try (RingletCluster cluster = Ringlet.start(spec(1))) {
      check(cluster, List.of(PYTHON, TOOLS.resolve("check.py").toString()), "node", "python-node");
    }
  }

  @Test
  void python_driver_sees_a_three_node_cluster_and_its_events() throws Exception {
    requireOrSkip(pythonDriverInstalled(), "python3-cassandra is not installed (apt-get install python3-cassandra)");
    try (RingletCluster cluster = Ringlet.start(spec(3))) {
      check(cluster, List.of(PYTHON, TOOLS.resolve("check.py").toString()), "cluster", "python-cluster");
    }
  }

  @Test
  void nodejs_driver_sees_a_node_as_cassandra_5_0() throws Exception {
    requireOrSkip(nodeDriverInstalled(), "cassandra-driver is not installed for node (see tools/drivers/README.md)");
    try (RingletCluster cluster = Ringlet.start(spec(1))) {
      check(cluster, List.of("node", TOOLS.resolve("check.js").toString()), "node", "nodejs-node");
    }
  }

  @Test
  void nodejs_driver_sees_a_three_node_cluster_and_its_events() throws Exception {
    requireOrSkip(nodeDriverInstalled(), "cassandra-driver is not installed for node (see tools/drivers/README.md)");
    try (RingletCluster cluster = Ringlet.start(spec(3))) {
      check(cluster, List.of("node", TOOLS.resolve("check.js").toString()), "cluster", "nodejs-cluster");
    }
  }

  /** Skips the test when its driver is missing, or fails it where CI installed the drivers ({@code RINGLET_DRIVERS=required}). */
  private static void requireOrSkip(boolean installed, String why) {
    if ("required".equals(System.getenv("RINGLET_DRIVERS"))) {
      assertThat(installed).as(why + ", and RINGLET_DRIVERS=required").isTrue();
    }
    assumeTrue(installed, why);
  }

  /** The reference's name, so the transcripts can say which cluster they reached. */
  private static ClusterSpec spec(int nodes) {
    return ClusterSpec.defaults().withClusterName("Test Cluster").withNodes(nodes);
  }

  private static void check(RingletCluster cluster, List<String> command, String mode, String golden)
      throws Exception {
    RingletNode first = cluster.nodes().get(0);
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("--host", first.nativeAddress().getAddress().getHostAddress(),
        "--port", String.valueOf(first.nativeAddress().getPort()), "--mode", mode));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(false);
    nodeModules().ifPresent(dir -> builder.environment().put("NODE_PATH", dir));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(target(golden + ".stderr").toFile()));
    Process process = builder.start();
    List<String> transcript = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        transcript.add(line);
        if (line.startsWith("@@ ")) {
          // The script asks for a node to be stopped or started, then watches the driver's events.
          String[] ask = line.split(" ");
          RingletNode node = nodeAt(cluster, ask[2]);
          if (ask[1].equals("stop")) {
            node.stop();
          } else {
            node.start();
          }
          in.write("done\n");
          in.flush();
        }
      }
    } finally {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }
    Files.write(target(golden + ".actual"), transcript, StandardCharsets.UTF_8);
    List<String> expected = Files.readAllLines(Path.of("src/test/resources/drivers", golden + ".golden"),
        StandardCharsets.UTF_8);
    List<String> actual = normalize(transcript, cluster);
    if (!actual.equals(expected)) {
      fail("the " + golden + " transcript differs from its golden (actual: target/drivers/" + golden + ".actual, "
          + "stderr: target/drivers/" + golden + ".stderr):\n" + diff(expected, actual));
    }
    assertThat(process.exitValue()).as("exit code of " + cmd).isZero();
  }

  /** The "@@ stop/start" lines name a node's address: the golden names it by its place in the list. */
  private static List<String> normalize(List<String> transcript, RingletCluster cluster) {
    List<String> out = new ArrayList<>();
    for (String line : transcript) {
      if (line.startsWith("@@ ")) {
        String[] ask = line.split(" ");
        line = "@@ " + ask[1] + " node" + (cluster.nodes().indexOf(nodeAt(cluster, ask[2])) + 1);
      }
      out.add(line);
    }
    return out;
  }

  private static RingletNode nodeAt(RingletCluster cluster, String address) {
    return cluster.nodes().stream()
        .filter(n -> n.nativeAddress().getAddress().getHostAddress().equals(address))
        .findFirst().orElseThrow(() -> new AssertionError("no node at " + address));
  }

  /** The first differing lines with their numbers, expected then actual. */
  private static String diff(List<String> expected, List<String> actual) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < Math.max(expected.size(), actual.size()) && shown < 20; i++) {
      String e = i < expected.size() ? expected.get(i) : "<none>";
      String a = i < actual.size() ? actual.get(i) : "<none>";
      if (!e.equals(a)) {
        sb.append("line ").append(i + 1).append(":\n  expected: ").append(e).append("\n  actual:   ").append(a).append('\n');
        shown++;
      }
    }
    return sb.toString();
  }

  private static Path target(String name) throws IOException {
    Path dir = Path.of("target/drivers");
    Files.createDirectories(dir);
    return dir.resolve(name);
  }

  private static boolean pythonDriverInstalled() {
    return Files.isExecutable(Path.of(PYTHON)) && succeeds(List.of(PYTHON, "-c", "import cassandra"), Map.of());
  }

  private static boolean nodeDriverInstalled() {
    return succeeds(List.of("node", "-e", "require('cassandra-driver')"),
        nodeModules().map(dir -> Map.of("NODE_PATH", dir)).orElse(Map.of()));
  }

  /** Where .ci/run puts the npm driver ({@code RINGLET_NODE_MODULES}), else the inherited NODE_PATH. */
  private static java.util.Optional<String> nodeModules() {
    String dir = System.getenv("RINGLET_NODE_MODULES");
    return java.util.Optional.ofNullable(dir != null && !dir.isEmpty() ? dir : System.getenv("NODE_PATH"));
  }

  private static boolean succeeds(List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(env);
      Process p = builder.start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
