package dev.ringlet.spring.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The running clusters, one per distinct {@link ClusterSpec}, shared by every application context
 * that asks for an equal spec. Each context holds a {@link Lease} for as long as it lives; the
 * cluster stops when the last lease is released, that is when Spring's test context cache closes
 * (or evicts) the last context using it.
 *
 * <p>{@link #jvmWide()} is the one static instance of the starter, on purpose: Spring's test context
 * cache, whose contexts share these clusters, is itself JVM-wide, and a cluster shared between
 * cached contexts must live at the same scope. Everything else takes an instance.
 */
public final class SharedClusters {

  private static final SharedClusters JVM_WIDE = new SharedClusters(Ringlet::start);

  private final Function<ClusterSpec, RingletCluster> starter;
  private final Map<ClusterSpec, Entry> running = new HashMap<>();

  /** @param starter starts a cluster for a spec ({@link Ringlet#start} outside tests) */
  public SharedClusters(Function<ClusterSpec, RingletCluster> starter) {
    this.starter = starter;
  }

  /** The registry shared by all application contexts of this JVM. */
  public static SharedClusters jvmWide() {
    return JVM_WIDE;
  }

  /** A lease on the cluster of {@code spec}, started now if none is running. */
  public synchronized Lease acquire(ClusterSpec spec) {
    Entry entry = running.get(spec);
    if (entry == null) {
      entry = new Entry(starter.apply(spec));
      running.put(spec, entry);
    }
    entry.leases++;
    return new Lease(spec, entry);
  }

  /** How many clusters are running. */
  public synchronized int runningCount() {
    return running.size();
  }

  private synchronized void release(ClusterSpec spec, Entry entry) {
    entry.leases--;
    if (entry.leases == 0) {
      running.remove(spec);
      entry.cluster.close();
    }
  }

  private synchronized boolean firstTime(Entry entry, String step) {
    return entry.doneSteps.add(step);
  }

  private static final class Entry {
    final RingletCluster cluster;
    final Set<String> doneSteps = new HashSet<>();
    int leases;

    Entry(RingletCluster cluster) {
      this.cluster = cluster;
    }
  }

  /** One context's hold on a shared cluster. */
  public final class Lease implements AutoCloseable {

    private final ClusterSpec spec;
    private final Entry entry;
    private boolean released;

    private Lease(ClusterSpec spec, Entry entry) {
      this.spec = spec;
      this.entry = entry;
    }

    public RingletCluster cluster() {
      return entry.cluster;
    }

    /** The spec the cluster was started from. */
    public ClusterSpec spec() {
      return spec;
    }

    /**
     * Runs a set-up step unless a context sharing this cluster already ran the same one (same
     * {@code step} key): scripts and keyspaces are created once per cluster. A step that throws
     * counts as not done.
     */
    public void once(String step, Runnable action) {
      synchronized (entry) {
        if (firstTime(entry, step)) {
          try {
            action.run();
          } catch (RuntimeException | Error e) {
            synchronized (SharedClusters.this) {
              entry.doneSteps.remove(step);
            }
            throw e;
          }
        }
      }
    }

    /** Gives the cluster back; the last lease stops it. Idempotent. */
    @Override
    public void close() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      release(spec, entry);
    }
  }
}
