package dev.ringlet.internal.standalone;

import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.internal.node.ProcessCluster;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code java -jar ringlet.jar}: starts a node, prints one {@code Ringlet ready:} line with the
 * contact points once drivers can connect (and, for a process of a multi-process cluster, its
 * internode address), and shuts down cleanly on SIGTERM/Ctrl-C (or exits once
 * decommissioned). {@code java -jar ringlet.jar nodetool ...} operates a running node instead
 * ({@link NodeTool}).
 */
public final class RingletServer {

  private RingletServer() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      // Before the first logger exists: the standalone server's own quiet configuration.
      System.setProperty("logback.configurationFile", "dev/ringlet/internal/standalone/logback-standalone.xml");
    }
    if (args.length > 0 && args[0].equals("nodetool")) {
      System.exit(NodeTool.run(List.of(args).subList(1, args.length), System.out, System.err));
      return;
    }
    StandaloneOptions options;
    try {
      options = StandaloneOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("ringlet: " + e.getMessage());
      System.err.print(StandaloneOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(StandaloneOptions.USAGE);
      return;
    }
    RingletCluster cluster;
    try {
      cluster = options.process() != null ? ProcessCluster.start(options.process()) : Ringlet.start(options.spec());
    } catch (RuntimeException e) {
      System.err.println("ringlet: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (cluster instanceof ProcessCluster process) {
      // decommissioned (nodetool decommission): the node left the ring and stopped, so does the process
      process.onLeft(() -> new Thread(() -> System.exit(0), "ringlet-decommissioned").start());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stopped.countDown();
    }, "ringlet-shutdown"));
    String contactPoints = cluster.contactPoints().stream()
        .map(RingletServer::format)
        .collect(Collectors.joining(","));
    // a process of a multi-process cluster also says where its internode port is (bound to a free one with 0)
    String internode = cluster instanceof ProcessCluster process ? ", internode " + format(process.internodeAddress()) : "";
    System.out.println("Ringlet ready: " + contactPoints + " (cluster \"" + cluster.clusterName()
        + "\", datacenter " + cluster.localDatacenter() + internode + ")");
    System.out.flush();
    stopped.await();
  }

  private static String format(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
