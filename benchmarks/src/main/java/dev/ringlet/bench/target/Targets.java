package dev.ringlet.bench.target;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.noop.NoopServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Opens a {@link Target} of each kind. */
public final class Targets {

  static final int CASSANDRA_PORT = 9142;

  /**
   * The reference Cassandra's CQL port: {@code REFCASS_PORT}, the variable its scripts start it
   * with (several engineers may each run one), else {@value #CASSANDRA_PORT}.
   */
  static int cassandraPort() {
    String port = System.getenv("REFCASS_PORT");
    if (port == null || port.isBlank()) {
      return CASSANDRA_PORT;
    }
    try {
      return Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("REFCASS_PORT: " + port + " (expected: a port number)", e);
    }
  }

  private Targets() {}

  /**
   * @param noopCapture what the no-op server records its answers from: given a real engine's
   *     address, it must send every request the later load will send
   */
  public static Target open(TargetKind kind, TargetOptions options, Consumer<InetSocketAddress> noopCapture) {
    return switch (kind) {
      case RINGLET -> options.durable() ? durable(options) : inJvm(options);
      case JAR -> jar(options);
      case NOOP -> noop(noopCapture);
      case CASSANDRA -> cassandra(options);
    };
  }

  private static ClusterSpec spec(TargetOptions options) {
    ClusterSpec spec = ClusterSpec.defaults();
    return options.fileCacheBytes() < 0 ? spec : spec.withFileCacheSize(options.fileCacheBytes());
  }

  private static Target inJvm(TargetOptions options) {
    RingletCluster cluster = Ringlet.start(spec(options));
    return new InJvm(cluster);
  }

  /** An in-JVM node keeping its data in a temporary directory, deleted when it closes. */
  private static Target durable(TargetOptions options) {
    Path dir;
    try {
      dir = java.nio.file.Files.createTempDirectory("ringlet-bench-durable");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RingletCluster cluster = Ringlet.start(spec(options).withDataDirectory(dir));
    return new InJvm(cluster, () -> {
      try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** An in-JVM cluster, its query log readable; {@code cleanUp} runs after it closes. */
  private record InJvm(RingletCluster cluster, Runnable cleanUp) implements Target {
    InJvm(RingletCluster cluster) {
      this(cluster, () -> { });
    }

    @Override
    public void flush() {
      cluster.nodes().forEach(dev.ringlet.api.RingletNode::flush);
    }

    @Override
    public TargetKind kind() {
      return TargetKind.RINGLET;
    }

    @Override
    public List<InetSocketAddress> contactPoints() {
      return cluster.contactPoints();
    }

    @Override
    public String localDatacenter() {
      return cluster.localDatacenter();
    }

    @Override
    public dev.ringlet.api.QueryLog queryLog() {
      return cluster.queryLog();
    }

    /** What the JUnit extension does after each test: undo faults, empty the keyspace, clear the query log. */
    @Override
    public int truncateKeyspace(String keyspace) {
      cluster.resetFaults();
      int tables = cluster.truncate(java.util.Set.of(keyspace));
      cluster.queryLog().clear();
      return tables;
    }

    @Override
    public boolean truncatesItself() {
      return true;
    }

    @Override
    public void close() {
      cluster.close();
      cleanUp.run();
    }
  }

  private static Target jar(TargetOptions options) {
    JarProcess p = JarProcess.start(options.ringletJar(), List.of("-Xmx1g"));
    return new Simple(TargetKind.JAR, List.of(p.address()), "datacenter1", p::close);
  }

  private static Target noop(Consumer<InetSocketAddress> capture) {
    NoopServer server = NoopServer.recordAndStart(capture);
    return new Simple(TargetKind.NOOP, List.of(server.address()), "datacenter1", () -> {
      if (server.misses() > 0) {
        System.err.println("no-op server: " + server.misses() + " requests had no canned answer");
      }
      server.close();
    });
  }

  private static Target cassandra(TargetOptions options) {
    Runnable stop = () -> { };
    if (options.startCassandra()) {
      script(options, "start.sh", "--clean");
      script(options, "wait-ready.sh", "180");
      stop = () -> script(options, "stop.sh");
    }
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), cassandraPort());
    return new Simple(TargetKind.CASSANDRA, List.of(address), "datacenter1", stop);
  }

  private static void script(TargetOptions options, String name, String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(options.referenceScripts().resolve(name).toString());
    command.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
      // Never --clean the data folder other people record golden files in: a folder of our own.
      pb.environment().putIfAbsent("REFCASS_DATA",
          Path.of(System.getProperty("user.home"), ".ringlet-reference", "data-bench").toString());
      int rc = pb.start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException(command + " exited with " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Simple(TargetKind kind, List<InetSocketAddress> contactPoints, String localDatacenter, Runnable stop)
      implements Target {
    @Override
    public void close() {
      stop.run();
    }
  }
}
