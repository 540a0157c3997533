package dev.ringlet.junit.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import java.nio.file.Path;
import dev.ringlet.api.RingletCluster;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running cluster as the extension keeps it in a JUnit store: the engine's handle, the driver
 * sessions made for it, which schema set-ups already ran on it, and the gate that keeps a reset from
 * emptying tables under a running test. JUnit closes it with its store (the root store for shared
 * clusters, at the end of the run).
 *
 * <p>Thread-safe: classes running in parallel share it. Every test holds the gate's read side while it
 * runs; a reset takes the write side, so it waits for running tests on this cluster to finish and
 * tests wait for it.
 */
public final class ClusterResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final ClusterSettings settings;
  private final RingletCluster cluster;
  private final StampedLock gate = new StampedLock();
  private final Map<ClusterSettings.SchemaKey, Set<String>> schemaSetUps = new HashMap<>();
  private final AtomicInteger freshKeyspaces = new AtomicInteger();
  /** Keyspaces of running FRESH_KEYSPACE tests: one test's each, never reset by another class. */
  private final Set<String> liveFreshKeyspaces = ConcurrentHashMap.newKeySet();
  private SessionPool sessions;
  private boolean closed;

  /** The temporary data directory made for this cluster, deleted at close; null when none. */
  private final Path temporaryDirectory;

  private ClusterResource(ClusterSettings settings, RingletCluster cluster, Path temporaryDirectory) {
    this.settings = settings;
    this.cluster = cluster;
    this.temporaryDirectory = temporaryDirectory;
  }

  /**
   * Starts the cluster the settings describe. A spec the engine cannot run (yet) fails here with
   * the engine's {@link UnsupportedOperationException} and its message.
   */
  public static ClusterResource start(ClusterSettings settings) {
    Path directory = settings.temporaryDirectory() ? TemporaryDirectory.create() : null;
    try {
      ClusterSpec spec = directory == null ? settings.spec() : settings.spec().withDataDirectory(directory);
      return new ClusterResource(settings, Ringlet.start(spec), directory);
    } catch (RuntimeException | Error e) {
      TemporaryDirectory.delete(directory);
      throw e;
    }
  }

  public RingletCluster cluster() {
    return cluster;
  }

  /** The settings of the class that started this cluster (others share it with the same cluster key). */
  public ClusterSettings startedWith() {
    return settings;
  }

  /**
   * Runs a schema set-up once per cluster (later calls with the same keyspace and scripts return at
   * once) and returns the keyspaces it owns: its keyspace plus those its scripts created. An empty
   * set means the class owns no particular keyspace, so resets cover every user keyspace.
   */
  public synchronized Set<String> ensureSchema(ClusterSettings requested, ClassLoader loader) {
    Set<String> owned = schemaSetUps.get(requested.schemaKey());
    if (owned == null) {
      owned = requested.hasKeyspace() || !requested.schema().isEmpty() ? applySchema(requested, loader) : Set.of();
      schemaSetUps.put(requested.schemaKey(), owned);
    }
    return owned;
  }

  private Set<String> applySchema(ClusterSettings requested, ClassLoader loader) {
    SessionPool pool = sessions(loader, "@CassandraCluster(keyspace/schema)");
    Set<String> before = pool.userKeyspaces();
    if (requested.hasKeyspace()) {
      createKeyspace(requested.keyspace());
    }
    runScripts(requested, requested.keyspace(), loader);
    Set<String> owned = new HashSet<>(pool.userKeyspaces());
    owned.removeAll(before);
    if (requested.hasKeyspace()) {
      owned.add(requested.keyspace());
    }
    return Set.copyOf(owned);
  }

  private void runScripts(ClusterSettings requested, String keyspace, ClassLoader loader) {
    for (String location : requested.schema()) {
      List<String> statements = dev.ringlet.api.CqlScript.statements(ScriptSource.read(location, loader));
      sessions.runScript(keyspace, location, statements);
    }
  }

  private void createKeyspace(String name) {
    sessions.execute("CREATE KEYSPACE IF NOT EXISTS " + name + " WITH replication = "
        + Replication.forTopology(settings.spec().datacenters()));
  }

  /**
   * Creates a keyspace for one test and runs the schema scripts in it. Returns its name:
   * {@code <keyspace or "test">_<n>}.
   */
  public String createFreshKeyspace(ClusterSettings requested, ClassLoader loader) {
    SessionPool pool = sessions(loader, "Isolation.FRESH_KEYSPACE");
    String base = requested.hasKeyspace() ? requested.keyspace() : "test";
    String suffix = "_" + freshKeyspaces.incrementAndGet();
    String name = (base.length() + suffix.length() > 48 ? base.substring(0, 48 - suffix.length()) : base) + suffix;
    liveFreshKeyspaces.add(name);
    createKeyspace(name);
    runScripts(requested, name, loader);
    return name;
  }

  /** Drops a keyspace made by {@link #createFreshKeyspace}. */
  public void dropFreshKeyspace(String name) {
    try {
      sessions.execute("DROP KEYSPACE IF EXISTS " + name);
    } finally {
      liveFreshKeyspaces.remove(name);
    }
  }

  /** The shared session for the keyspace ({@code ""}: not bound), as an {@code Object}: callers need no driver. */
  public Object session(String keyspace, SessionOptions options, ClassLoader loader) {
    return sessions(loader, "A CqlSession parameter").session(keyspace, options);
  }

  /** A session of its own, bound to the keyspace; the caller closes it. */
  public AutoCloseable openSession(String keyspace, SessionOptions options, ClassLoader loader) {
    return sessions(loader, "A CqlSession parameter").open(keyspace, options);
  }

  /** Called as a test starts; returns the stamp to pass to {@link #leaveTest}. */
  public long enterTest() {
    return gate.readLock();
  }

  public void leaveTest(long stamp) {
    gate.unlockRead(stamp);
  }

  /**
   * Everything that must happen between two tests on this cluster, in one place, once no test on
   * it is running (tests wait meanwhile): undo the faults the test injected, empty the tables of
   * {@code resetKeyspaces} when {@code truncate} (an empty set means every user keyspace that no
   * schema set-up on this cluster owns; skipped without a driver, which finds those keyspaces), and
   * clear the query log.
   *
   * @return the number of tables emptied
   */
  public int afterTest(boolean truncate, Set<String> resetKeyspaces, ClassLoader loader) {
    boolean canReset = truncate && DriverCheck.isPresent(loader);
    SessionPool pool = canReset ? sessions(loader, "Isolation.TRUNCATE_TABLES") : null;
    long stamp = gate.writeLock();
    try {
      Faults.undoAll(cluster);
      int tables = canReset
          ? DataReset.direct(cluster).reset(resetKeyspaces.isEmpty() ? unclaimedKeyspaces(pool) : resetKeyspaces)
          : 0;
      cluster.queryLog().clear();
      return tables;
    } finally {
      gate.unlockWrite(stamp);
    }
  }

  /**
   * The user keyspaces no schema set-up and no running FRESH_KEYSPACE test on this cluster owns:
   * what a class that declared no keyspace resets, so it never empties another class's keyspace.
   */
  private synchronized Set<String> unclaimedKeyspaces(SessionPool pool) {
    Set<String> unclaimed = new HashSet<>(pool.userKeyspaces());
    schemaSetUps.values().forEach(unclaimed::removeAll);
    unclaimed.removeAll(liveFreshKeyspaces);
    return unclaimed;
  }

  private synchronized SessionPool sessions(ClassLoader loader, String purpose) {
    if (closed) {
      throw new IllegalStateException("the Ringlet cluster " + cluster.contactPoints() + " is closed");
    }
    if (sessions == null) {
      DriverCheck.require(purpose, loader);
      sessions = new SessionPool(cluster, settings.spec().authentication(), settings.spec().clientEncryption());
    }
    return sessions;
  }

  @Override
  public void close() {
    SessionPool toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = sessions;
    }
    try {
      if (toClose != null) {
        toClose.close();
      }
    } finally {
      try {
        cluster.close();
      } finally {
        TemporaryDirectory.delete(temporaryDirectory);
      }
    }
  }
}
