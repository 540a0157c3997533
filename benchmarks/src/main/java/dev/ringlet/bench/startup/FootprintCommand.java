package dev.ringlet.bench.startup;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.report.ResultSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Retained heap per idle node: heap used after a full GC with {@code nodes} one-node clusters open,
 * minus heap used after a full GC before, divided by {@code nodes}. One cluster is started and closed
 * first so that one-time costs (classes, static tables) are not counted per node. Also reports the
 * live threads each node adds.
 */
public final class FootprintCommand {

  private final int nodes;
  private final ResultSink sink;

  public FootprintCommand(int nodes, ResultSink sink) {
    this.nodes = nodes;
    this.sink = sink;
  }

  public void run() throws InterruptedException {
    Ringlet.start(ClusterSpec.defaults()).close();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    int threadsBefore = Thread.activeCount();
    List<RingletCluster> clusters = new ArrayList<>();
    try {
      for (int i = 0; i < nodes; i++) {
        clusters.add(Ringlet.start(ClusterSpec.defaults()));
      }
      long after = usedAfterGc(memory);
      int threadsAfter = Thread.activeCount();
      sink.add("footprint/heap_per_idle_node_mb", (after - before) / (double) nodes / (1024 * 1024), "MB");
      sink.add("footprint/threads_per_idle_node", (threadsAfter - threadsBefore) / (double) nodes, "threads");
    } finally {
      clusters.forEach(RingletCluster::close);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
