package dev.ringlet.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ringlet.testcontainers.internal.CqlReadyWaitStrategy;
import dev.ringlet.testcontainers.internal.InitScripts;
import dev.ringlet.testcontainers.internal.LeaveItToTheWaitStrategy;
import dev.ringlet.testcontainers.internal.TlsTrust;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Ringlet node in a container, for Testcontainers 2.x: a drop-in for the stock
 * {@code org.testcontainers.cassandra.CassandraContainer} where their names overlap
 * ({@link #getContactPoint()}, {@link #getLocalDatacenter()}, {@link #withInitScript(String)},
 * {@link #getUsername()}, {@link #getPassword()}, the {@code CASSANDRA_DC} environment variable), so
 * switching is one line:
 *
 * <pre>{@code
 * // before: new CassandraContainer("cassandra:5.0")
 * RingletContainer cassandra = new RingletContainer("ringlet:0.1.0-SNAPSHOT");
 * cassandra.start();
 * CqlSession session = CqlSession.builder()
 *     .addContactPoint(cassandra.getContactPoint())
 *     .withLocalDatacenter(cassandra.getLocalDatacenter())
 *     .build();
 * }</pre>
 *
 * <p>The container is ready when its CQL port answers a real protocol exchange (OPTIONS, STARTUP and
 * {@code SELECT release_version FROM system.local}), usually within a second. Exposed ports: 9042
 * (CQL) and 7000 (internode). The image is built by this project's build (see the module README);
 * there is no published image yet.
 *
 * <p>Authentication: by default the node accepts any client (Cassandra's
 * {@code AllowAllAuthenticator}). {@link #withAuthentication()} (or the environment variable
 * {@code CASSANDRA_AUTHENTICATOR=PasswordAuthenticator}) makes it Cassandra with
 * {@code PasswordAuthenticator} and {@code CassandraAuthorizer}: clients log in, and a fresh node
 * has the superuser {@link #getUsername()}/{@link #getPassword()} ({@code cassandra}/{@code cassandra},
 * what the stock container returns too). The readiness check and the init script then log in as
 * that superuser.
 */
public class RingletContainer extends GenericContainer<RingletContainer> {

  /** The CQL native protocol port inside the container. */
  public static final int CQL_PORT = 9042;

  /** The internode (cluster messaging) port inside the container. */
  public static final int INTERNODE_PORT = 7000;

  /** The image repository this class is made for; other names must be declared compatible substitutes. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("ringlet");

  /** Where the node keeps its files in durable mode ({@link #withDataDirectory(Path)}). */
  public static final String DATA_DIRECTORY = "/var/lib/ringlet";

  /** The datacenter a node is in unless {@code CASSANDRA_DC} (or {@link #withDatacenter}) says otherwise. */
  public static final String DEFAULT_LOCAL_DATACENTER = "datacenter1";

  private static final String USERNAME = "cassandra";
  private static final String PASSWORD = "cassandra";

  /** Where {@link #withClientEncryption} puts the keystore in the container. */
  private static final String KEYSTORE_PATH = "/etc/ringlet/tls/keystore";

  private final CqlReadyWaitStrategy cqlReady;
  private String initScriptPath;
  private TlsTrust tlsTrust;

  /** A container of the given image, e.g. {@code "ringlet:0.1.0-SNAPSHOT"}. */
  public RingletContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * A container of the given image, which must be a {@code ringlet} image or declared a compatible
   * substitute ({@code DockerImageName.parse("registry/my-ringlet").asCompatibleSubstituteFor("ringlet")}).
   */
  public RingletContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    addExposedPorts(CQL_PORT, INTERNODE_PORT);
    cqlReady = new CqlReadyWaitStrategy(CQL_PORT);
    waitingFor(cqlReady.withStartupTimeout(Duration.ofSeconds(60)));
    withStartupCheckStrategy(new LeaveItToTheWaitStrategy());
  }

  /**
   * A CQL script (a classpath resource, e.g. {@code "db/schema.cql"}) run once the node is ready,
   * statement by statement through the CQL port with the Cassandra Java driver, which must then be on
   * the test classpath. A statement the node refuses fails {@code start()} with an
   * {@link InitScriptException} naming the statement, its line and the node's error.
   */
  public RingletContainer withInitScript(String initScriptPath) {
    this.initScriptPath = initScriptPath;
    return self();
  }

  /** The cluster name reported to clients ({@code CASSANDRA_CLUSTER_NAME}; default "Ringlet Cluster"). */
  public RingletContainer withClusterName(String clusterName) {
    return withEnv("CASSANDRA_CLUSTER_NAME", clusterName);
  }

  /** The node's datacenter ({@code CASSANDRA_DC}; default datacenter1); {@link #getLocalDatacenter()} follows it. */
  public RingletContainer withDatacenter(String datacenter) {
    return withEnv("CASSANDRA_DC", datacenter);
  }

  /** The node's rack ({@code CASSANDRA_RACK}; default rack1). */
  public RingletContainer withRack(String rack) {
    return withEnv("CASSANDRA_RACK", rack);
  }

  /** The node's token count, 1-256 ({@code CASSANDRA_NUM_TOKENS}, the server's {@code --num-tokens}; default 16). */
  public RingletContainer withNumTokens(int numTokens) {
    return withEnv("CASSANDRA_NUM_TOKENS", Integer.toString(numTokens));
  }

  /** The Cassandra version the node advertises ({@code RINGLET_RELEASE_VERSION}; default 5.0.9). */
  public RingletContainer withReleaseVersion(String releaseVersion) {
    return withEnv("RINGLET_RELEASE_VERSION", releaseVersion);
  }

  /**
   * Clients must log in: the node runs with {@code --authenticator PasswordAuthenticator}
   * ({@code CASSANDRA_AUTHENTICATOR}), roles and permissions as in Cassandra, the superuser
   * {@link #getUsername()} with password {@link #getPassword()}. Connect with
   * {@code CqlSessionBuilder.withAuthCredentials(container.getUsername(), container.getPassword())}.
   */
  public RingletContainer withAuthentication() {
    return withEnv("CASSANDRA_AUTHENTICATOR", "PasswordAuthenticator");
  }

  /** Whether the node authenticates clients ({@code CASSANDRA_AUTHENTICATOR} names PasswordAuthenticator). */
  public boolean isAuthenticationEnabled() {
    String authenticator = getEnvMap().getOrDefault("CASSANDRA_AUTHENTICATOR", "AllowAllAuthenticator");
    return authenticator.equals("PasswordAuthenticator")
        || authenticator.equals("org.apache.cassandra.auth.PasswordAuthenticator");
  }

  /**
   * Allows {@code CREATE FUNCTION} (Cassandra's {@code user_defined_functions_enabled}; off by
   * default): the node runs with {@code --enable-user-defined-functions}
   * ({@code RINGLET_USER_DEFINED_FUNCTIONS=true}). Java function bodies are compiled when created,
   * by the compiler embedded in the engine, so the default JRE image runs them.
   */
  public RingletContainer withUserDefinedFunctions() {
    return withEnv("RINGLET_USER_DEFINED_FUNCTIONS", "true");
  }

  /**
   * Cassandra's {@code user_defined_functions_warn_timeout} and {@code
   * user_defined_functions_fail_timeout} (defaults 500 ms and 1500 ms): a function call running
   * longer than {@code warn} adds a client warning to its request, one still running after {@code
   * fail} fails it ({@code RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT} and {@code
   * RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT} in milliseconds, the server's {@code
   * --user-defined-functions-warn-timeout} and {@code --user-defined-functions-fail-timeout}).
   * Only matters with {@link #withUserDefinedFunctions()}.
   *
   * @param warn zero (never warn) or more, whole milliseconds
   * @param fail positive, not below {@code warn}, whole milliseconds
   * @throws IllegalArgumentException when the timeouts are out of those bounds
   */
  public RingletContainer withUserDefinedFunctionTimeouts(Duration warn, Duration fail) {
    if (warn.isNegative() || fail.isNegative() || fail.isZero() || warn.compareTo(fail) > 0) {
      throw new IllegalArgumentException("user-defined function timeouts: warn " + warn + ", fail " + fail
          + " (expected: 0 <= warn <= fail, fail positive)");
    }
    withEnv("RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT", Long.toString(warn.toMillis()));
    return withEnv("RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT", Long.toString(fail.toMillis()));
  }

  /**
   * Cassandra's {@code user_function_timeout_policy} ({@code RINGLET_USER_FUNCTION_TIMEOUT_POLICY},
   * the server's {@code --user-function-timeout-policy}): {@code die} (the default) or {@code
   * die_immediate} end a timed-out call's message with "- will stop Cassandra VM", {@code ignore}
   * without it. Unlike Cassandra, the node never stops: the runaway body is stopped instead.
   *
   * @throws IllegalArgumentException for any other value
   */
  public RingletContainer withUserFunctionTimeoutPolicy(String policy) {
    String p = policy.trim().toLowerCase(java.util.Locale.ROOT);
    if (!p.equals("die") && !p.equals("die_immediate") && !p.equals("ignore")) {
      throw new IllegalArgumentException("user function timeout policy: " + policy
          + " (expected: die, die_immediate or ignore)");
    }
    return withEnv("RINGLET_USER_FUNCTION_TIMEOUT_POLICY", p);
  }

  /**
   * Cassandra's {@code tombstone_warn_threshold} and {@code tombstone_failure_threshold} (defaults
   * 1,000 and 100,000): a read scanning more tombstones than {@code warn} on a replica adds a client
   * warning, more than {@code failure} fails with {@code READ_FAILURE} ({@code
   * RINGLET_TOMBSTONE_WARN_THRESHOLD} and {@code RINGLET_TOMBSTONE_FAILURE_THRESHOLD}, the server's
   * {@code --tombstone-warn-threshold} and {@code --tombstone-failure-threshold}). Small values let
   * a test reach them with a few deletions.
   *
   * @throws IllegalArgumentException when either is not positive
   */
  public RingletContainer withTombstoneThresholds(int warn, int failure) {
    if (warn < 1 || failure < 1) {
      throw new IllegalArgumentException("tombstone thresholds: warn " + warn + ", failure " + failure
          + " (expected: positive)");
    }
    withEnv("RINGLET_TOMBSTONE_WARN_THRESHOLD", Integer.toString(warn));
    return withEnv("RINGLET_TOMBSTONE_FAILURE_THRESHOLD", Integer.toString(failure));
  }

  /**
   * Durable mode: the node keeps its commit log, SSTables and schema in {@code hostDirectory},
   * mounted read-write at {@link #DATA_DIRECTORY} ({@code RINGLET_DATA_DIR}, the server's
   * {@code --data-dir}), so a new container started on the same directory finds the data of the
   * last one, even one that was killed (the commit log is written through on every write and
   * replayed at start). The directory must exist and be writable by the container's user, uid 999;
   * a node that cannot write there stops at start with an error naming the path. Without this the
   * node keeps everything in memory and leaves nothing behind.
   */
  public RingletContainer withDataDirectory(Path hostDirectory) {
    withFileSystemBind(hostDirectory.toAbsolutePath().toString(), DATA_DIRECTORY, BindMode.READ_WRITE);
    return withEnv("RINGLET_DATA_DIR", DATA_DIRECTORY);
  }

  /**
   * Allows {@code CREATE MATERIALIZED VIEW} (Cassandra's {@code materialized_views_enabled}; off by
   * default, as in Cassandra 5.0): the node runs with {@code --enable-materialized-views}
   * ({@code RINGLET_MATERIALIZED_VIEWS=true}).
   */
  public RingletContainer withMaterializedViews() {
    return withEnv("RINGLET_MATERIALIZED_VIEWS", "true");
  }

  /**
   * Client-to-node TLS (Cassandra's {@code client_encryption_options} with {@code enabled: true}): the
   * node serves CQL only over TLS with the key and certificate of {@code keystore} (PKCS12 or JKS, its
   * key protected by the same password), copied into the container ({@code RINGLET_TLS_KEYSTORE},
   * {@code RINGLET_TLS_KEYSTORE_PASSWORD}, the server's {@code --tls-keystore}). The readiness check
   * and the init script connect over TLS trusting that certificate; a driver does the same with
   * {@link #getSslContext()}:
   *
   * <pre>{@code
   * CqlSession.builder().addContactPoint(c.getContactPoint()).withLocalDatacenter(c.getLocalDatacenter())
   *     .withSslContext(c.getSslContext()).build();
   * }</pre>
   *
   * <p>The certificate should name the address the driver connects to only if the driver checks host
   * names (the driver's {@code withSslContext} does not).
   *
   * @throws IllegalArgumentException when the keystore cannot be read with this password
   */
  public RingletContainer withClientEncryption(Path keystore, String keystorePassword) {
    tlsTrust = TlsTrust.of(keystore, keystorePassword);
    withCopyFileToContainer(MountableFile.forHostPath(keystore, 0444), KEYSTORE_PATH);
    withEnv("RINGLET_TLS_KEYSTORE", KEYSTORE_PATH);
    return withEnv("RINGLET_TLS_KEYSTORE_PASSWORD", keystorePassword);
  }

  /** Whether the node serves CQL over TLS ({@link #withClientEncryption}). */
  public boolean isClientEncryptionEnabled() {
    return tlsTrust != null;
  }

  /**
   * An SSL context that trusts the certificates of the keystore given to {@link #withClientEncryption},
   * for the driver's {@code withSslContext}.
   *
   * @throws IllegalStateException when the node does not use TLS
   */
  public SSLContext getSslContext() {
    if (tlsTrust == null) {
      throw new IllegalStateException("the node serves CQL without TLS: call withClientEncryption(keystore, password) first");
    }
    return tlsTrust.sslContext();
  }

  /** Where a driver on the test's side connects: the host and the port mapped to 9042. */
  public InetSocketAddress getContactPoint() {
    return new InetSocketAddress(getHost(), getMappedPort(CQL_PORT));
  }

  /** The node's datacenter, for {@code CqlSessionBuilder.withLocalDatacenter}. */
  public String getLocalDatacenter() {
    return getEnvMap().getOrDefault("CASSANDRA_DC", DEFAULT_LOCAL_DATACENTER);
  }

  /** Cassandra's default superuser name, as the stock container returns; checked only with {@link #withAuthentication()}. */
  public String getUsername() {
    return USERNAME;
  }

  /** Cassandra's default superuser password, as the stock container returns; checked only with {@link #withAuthentication()}. */
  public String getPassword() {
    return PASSWORD;
  }

  @Override
  protected void configure() {
    super.configure();
    // the default readiness check logs in when the node will ask (a wait strategy set by the user is theirs)
    if (isAuthenticationEnabled()) {
      cqlReady.withCredentials(getUsername(), getPassword());
    } else {
      cqlReady.withCredentials(null, null);
    }
    cqlReady.withSslContext(tlsTrust == null ? null : tlsTrust.sslContext());
  }

  @Override
  protected void containerIsStarted(InspectContainerResponse containerInfo) {
    if (initScriptPath != null) {
      boolean login = isAuthenticationEnabled();
      InitScripts.run(initScriptPath, getContactPoint(), getLocalDatacenter(), login ? getUsername() : null,
          login ? getPassword() : null, tlsTrust == null ? null : tlsTrust.sslContext());
    }
  }
}
