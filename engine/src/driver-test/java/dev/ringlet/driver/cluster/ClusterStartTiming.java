package dev.ringlet.driver.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures (not a test): median time from {@code Ringlet.start} to a connected driver session for a
 * 3-node and a 6-node (2-DC) cluster, and retained heap per node. Run with the test classpath:
 * {@code java -cp ... dev.ringlet.driver.cluster.ClusterStartTiming}.
 */
public final class ClusterStartTiming {

  public static void main(String[] args) throws Exception {
    measure("1 node", ClusterSpec.defaults());
    measure("3 nodes", ClusterSpec.defaults().withNodes(3));
    measure("6 nodes, 2 DCs", ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 3), DatacenterSpec.of("dc2", 3)));
    heap(ClusterSpec.defaults().withNodes(6));
    throughput(ClusterSpec.defaults().withNodes(3));
  }

  /** Prepared inserts at QUORUM, RF=3, 128 in flight. */
  private static void throughput(ClusterSpec spec) throws Exception {
    try (RingletCluster c = Ringlet.start(spec);
        CqlSession s = CqlSession.builder().addContactPoints(c.contactPoints()).withLocalDatacenter(c.localDatacenter()).build()) {
      s.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      s.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      com.datastax.oss.driver.api.core.cql.PreparedStatement insert = s.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
      for (int round = 0; round < 2; round++) {
        int n = 50_000;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(128);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          inFlight.acquire();
          s.executeAsync(insert.bind(i, "value-" + i).setConsistencyLevel(com.datastax.oss.driver.api.core.ConsistencyLevel.QUORUM))
              .whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(128);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RF=3 QUORUM inserts, round %d: %.0f/s%n", round + 1, n / seconds);
      }
    }
  }

  private static void measure(String name, ClusterSpec spec) {
    List<Long> starts = new ArrayList<>();
    List<Long> connected = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      long t0 = System.nanoTime();
      try (RingletCluster c = Ringlet.start(spec)) {
        long t1 = System.nanoTime();
        try (CqlSession s = CqlSession.builder().addContactPoints(c.contactPoints()).withLocalDatacenter(c.localDatacenter()).build()) {
          s.execute("SELECT release_version FROM system.local");
          long t2 = System.nanoTime();
          if (i > 0) { // the first run pays class loading
            starts.add((t1 - t0) / 1000);
            connected.add((t2 - t0) / 1000);
          }
        }
      }
    }
    Collections.sort(starts);
    Collections.sort(connected);
    System.out.printf("%s: start median %.1f ms, start+driver connected median %.1f ms%n", name,
        starts.get(starts.size() / 2) / 1000.0, connected.get(connected.size() / 2) / 1000.0);
  }

  private static void heap(ClusterSpec spec) throws Exception {
    Runtime rt = Runtime.getRuntime();
    gc();
    long before = rt.totalMemory() - rt.freeMemory();
    List<RingletCluster> clusters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clusters.add(Ringlet.start(spec));
    }
    gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("heap per node (5 idle 6-node clusters): %.0f KB%n", (after - before) / 1024.0 / 30);
    clusters.forEach(RingletCluster::close);
  }

  private static void gc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }
}
