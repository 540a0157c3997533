package dev.ringlet.junit.internal;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;

/**
 * The driver sessions of one cluster: one per keyspace for tests (shared by every class that uses the
 * keyspace; reopened if a test closed it) and one the extension uses for set-up: keyspaces, schema
 * scripts and the reads of {@code system_schema} behind resets. One set-up session, not one for
 * keyspaces and another for scripts, saves a cluster a session's connect; every statement the
 * extension itself sends names its keyspace, so the keyspace a script switches to never changes
 * them. The only place, with {@link TestDriverConfig}, that touches driver types; callers check
 * {@link DriverCheck} first.
 */
final class SessionPool implements AutoCloseable {

  /** Keyspaces that belong to Cassandra, never reset nor counted as a test's. */
  static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_schema", "system_auth", "system_distributed",
      "system_traces", "system_virtual_schema", "system_views", "system_cluster_metadata");

  private final RingletCluster cluster;
  private final Map<SessionKey, CqlSession> byKeyspace = new HashMap<>();
  /** The set-up session; starts in no keyspace, and is back in {@link #RESTING_KEYSPACE} after each script. */
  private CqlSession setUp;
  /** Scripts run one at a time: a script's {@code USE} lasts until it ends. */
  private final Object scriptLock = new Object();

  /**
   * The keyspace the set-up session returns to after a script that ran in a keyspace: one that always
   * exists. Left in a script's keyspace, the session would reconnect into it after a node restarts,
   * and fail to once the keyspace is dropped (a {@code FRESH_KEYSPACE} test's is, after the test).
   */
  static final String RESTING_KEYSPACE = "system";

  private final boolean login;
  /** Trusts the cluster's generated certificate; null when sessions connect in plain text. */
  private final SSLContext tls;

  /**
   * @param login whether sessions log in as the default superuser (the cluster requires authentication)
   * @param encryption the cluster's client encryption, or null
   * @throws IllegalStateException when the cluster serves only TLS with a keystore the extension cannot trust
   */
  SessionPool(RingletCluster cluster, boolean login, ClientEncryption encryption) {
    this.cluster = cluster;
    this.login = login;
    if (encryption == null || (!encryption.generated() && encryption.optional())) {
      this.tls = null;
    } else if (encryption.generated()) {
      this.tls = cluster.clientSslContext();
    } else {
      throw new IllegalStateException("the cluster serves TLS only with " + encryption
          + ", which the extension's sessions cannot trust (expected: ClientEncryption.selfSigned(),"
          + " or withOptional(true) so the extension connects in plain text)");
    }
  }

  /** A session for tests, connected to the local datacenter, bound to the keyspace unless it is {@code ""}. */
  CqlSession open(String keyspace, SessionOptions options) {
    return open(keyspace, TestDriverConfig.loader(options));
  }

  private CqlSession openForSetUp(String keyspace) {
    return open(keyspace, TestDriverConfig.setUpLoader());
  }

  private CqlSession open(String keyspace, DriverConfigLoader config) {
    CqlSessionBuilder builder = CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(config);
    if (tls != null) {
      // Host names are validated: the generated certificate names every node.
      builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(tls, null, true));
    }
    if (login) {
      builder.withAuthCredentials(dev.ringlet.api.ClusterSpec.DEFAULT_SUPERUSER, dev.ringlet.api.ClusterSpec.DEFAULT_SUPERUSER_PASSWORD);
    }
    if (!keyspace.isEmpty()) {
      builder.withKeyspace(CqlIdentifier.fromInternal(keyspace));
    }
    return builder.build();
  }

  /** The shared session for the keyspace ({@code ""}: none). */
  synchronized CqlSession session(String keyspace, SessionOptions options) {
    SessionKey key = new SessionKey(keyspace, options);
    CqlSession session = byKeyspace.get(key);
    if (session == null || session.isClosed()) {
      session = open(keyspace, options);
      byKeyspace.put(key, session);
    }
    return session;
  }

  /** Classes sharing a cluster share a session when they want the same keyspace and protocol options. */
  private record SessionKey(String keyspace, SessionOptions options) {}

  private synchronized CqlSession setUp() {
    if (setUp == null || setUp.isClosed()) {
      setUp = openForSetUp("");
    }
    return setUp;
  }

  /** Runs one of the extension's own statements, which names its keyspace, on the set-up session. */
  void execute(String cql) {
    setUp().execute(cql);
  }

  /**
   * Runs a script's statements in order, starting in the keyspace ({@code ""}: none). Scripts run one
   * at a time on the set-up session, switched with {@code USE} first and back to
   * {@link #RESTING_KEYSPACE} after, so a {@code USE} inside a script lasts until the script ends and
   * a fresh keyspace per test costs no new session. A script without a keyspace gets a session of
   * its own, which starts in none.
   */
  void runScript(String keyspace, String location, List<String> statements) {
    if (keyspace.isEmpty()) {
      try (CqlSession session = openForSetUp("")) {
        run(session, location, statements);
      }
      return;
    }
    synchronized (scriptLock) {
      CqlSession session = setUp();
      session.execute("USE " + quote(keyspace));
      RuntimeException failure = null;
      try {
        run(session, location, statements);
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      } finally {
        try {
          session.execute("USE " + RESTING_KEYSPACE);
        } catch (RuntimeException e) {
          if (failure == null) {
            throw e;
          }
          failure.addSuppressed(e);
        }
      }
    }
  }

  private static void run(CqlSession session, String location, List<String> statements) {
    for (int i = 0; i < statements.size(); i++) {
      String statement = statements.get(i);
      try {
        session.execute(statement);
      } catch (RuntimeException e) {
        throw new IllegalStateException("schema script " + location + ", statement " + (i + 1) + " of "
            + statements.size() + " failed: " + e.getMessage() + "\n  " + statement, e);
      }
    }
  }

  /** The user keyspaces, read from {@code system_schema} (not the driver's debounced metadata). */
  Set<String> userKeyspaces() {
    Set<String> names = new TreeSet<>();
    for (Row row : setUp().execute("SELECT keyspace_name FROM system_schema.keyspaces")) {
      String name = row.getString(0);
      if (!SYSTEM_KEYSPACES.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Empties every table of the keyspaces, all TRUNCATEs in flight at once. Returns the number of tables. */
  int truncateTables(Set<String> keyspaces) {
    CqlSession session = setUp();
    List<String> tables = new ArrayList<>();
    if (keyspaces.isEmpty()) {
      return 0;
    }
    for (Row row : session.execute("SELECT keyspace_name, table_name FROM system_schema.tables")) {
      String keyspace = row.getString(0);
      if (keyspaces.contains(keyspace)) {
        tables.add(quote(keyspace) + "." + quote(row.getString(1)));
      }
    }
    List<CompletableFuture<?>> pending = new ArrayList<>(tables.size());
    for (String table : tables) {
      CompletionStage<?> stage = session.executeAsync("TRUNCATE " + table);
      pending.add(stage.toCompletableFuture());
    }
    List<String> failed = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (int i = 0; i < tables.size(); i++) {
      try {
        pending.get(i).join();
      } catch (RuntimeException e) {
        failed.add(tables.get(i));
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (!failed.isEmpty() && stillExist(failed)) {
      throw new IllegalStateException("resetting " + failed + " failed: " + firstFailure.getMessage(), firstFailure);
    }
    return tables.size();
  }

  /** Whether any of the tables still exists: one dropped by its test meanwhile needs no reset. */
  private boolean stillExist(List<String> qualifiedTables) {
    for (Row row : setUp().execute("SELECT keyspace_name, table_name FROM system_schema.tables")) {
      if (qualifiedTables.contains(quote(row.getString(0)) + "." + quote(row.getString(1)))) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String name) {
    return CqlIdentifier.fromInternal(name).asCql(true);
  }

  @Override
  public synchronized void close() {
    for (CqlSession session : byKeyspace.values()) {
      session.close();
    }
    byKeyspace.clear();
    if (setUp != null) {
      setUp.close();
    }
  }
}
