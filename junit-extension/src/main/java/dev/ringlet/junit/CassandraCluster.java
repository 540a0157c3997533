package dev.ringlet.junit;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.UserFunctionTimeoutPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running Ringlet cluster and a ready {@code CqlSession}.
 *
 * <pre>{@code
 * @CassandraCluster(keyspace = "shop", schema = "classpath:shop.cql")
 * class CartRepositoryTest {
 *   @Test void adds_item(CqlSession session) { ... }
 * }
 * }</pre>
 *
 * <p>Every element has a default that just works: {@code @CassandraCluster} alone starts one node in
 * {@code datacenter1}, shared with every other test class of this JVM that asks for the same
 * cluster, and truncates the tables of the class's keyspaces after each test.
 *
 * <p>Test methods, lifecycle methods and constructors can declare parameters of these types:
 * {@code CqlSession}, {@link dev.ringlet.api.RingletCluster}, {@link dev.ringlet.api.RingletNode}
 * (when the cluster has one node), {@link dev.ringlet.api.QueryLog} (what the cluster received
 * since the previous test) and {@code List<InetSocketAddress>} (the contact points).
 *
 * <p>May be used as a meta-annotation: an annotation of your own carrying {@code @CassandraCluster}
 * gives every class it marks the same cluster. Use {@link RingletExtension#forSpec} with
 * {@code @RegisterExtension} when the spec must be computed.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RingletExtension.class)
public @interface CassandraCluster {

  /** The cluster name reported in {@code system.local.cluster_name}. Default {@code "Ringlet Cluster"}. */
  String name() default ClusterSpec.DEFAULT_CLUSTER_NAME;

  /**
   * The datacenter of the nodes when {@link #datacenters()} is empty; the session's local
   * datacenter. Default {@code datacenter1}.
   */
  String datacenter() default ClusterSpec.DEFAULT_DATACENTER;

  /**
   * The number of nodes when {@link #datacenters()} is empty, all in {@link #datacenter()} and rack
   * {@code rack1}. Default 1. With {@link #datacenters()}, give each datacenter's nodes there instead.
   */
  int nodes() default 1;

  /**
   * The datacenters, in start order; empty (the default) means one datacenter named
   * {@link #datacenter()} with {@link #nodes()} nodes. The first one is the session's local
   * datacenter.
   */
  Datacenter[] datacenters() default {};

  /** Tokens (vnodes) per node, Cassandra's {@code num_tokens}. Default 16, as Cassandra 5.0. */
  int numTokens() default ClusterSpec.DEFAULT_NUM_TOKENS;

  /**
   * The Cassandra version the nodes advertise in {@code release_version}, which decides what drivers
   * expect of them. Default {@code 5.0.9}.
   */
  String releaseVersion() default ClusterSpec.DEFAULT_RELEASE_VERSION;

  /**
   * Where the nodes keep their data: {@code ""} (the default) in memory;
   * {@value #TEMPORARY_DIRECTORY} a new directory under {@code java.io.tmpdir} for this cluster,
   * deleted when it stops; anything else a directory path (relative to the working directory),
   * kept after the run, so a later run starts with its data.
   */
  String dataDirectory() default "";

  /** How the commit log syncs when {@link #dataDirectory()} is set. Default {@code PERIODIC}, as Cassandra. */
  ClusterSpec.CommitLogSync commitLogSync() default ClusterSpec.CommitLogSync.PERIODIC;

  /**
   * Whether clients must log in (PasswordAuthenticator and CassandraAuthorizer, superuser
   * {@code cassandra}/{@code cassandra}). The injected sessions log in as that superuser. Default
   * {@code false}: no login, as Cassandra's default AllowAllAuthenticator.
   */
  boolean authentication() default false;

  /** Whether {@code CREATE FUNCTION} is allowed (Java UDFs; a JRE is enough). Default {@code false}, as Cassandra 5.0. */
  boolean userDefinedFunctions() default false;

  /**
   * A user-defined function call running longer than this many milliseconds adds a client warning
   * to its request (Cassandra's {@code user_defined_functions_warn_timeout}). Default 500, as
   * Cassandra; 0: never. At most {@link #userDefinedFunctionFailTimeoutMillis()}.
   */
  long userDefinedFunctionWarnTimeoutMillis() default 500;

  /**
   * A user-defined function call still running after this many milliseconds fails its request with
   * a {@code FUNCTION_FAILURE} (Cassandra's {@code user_defined_functions_fail_timeout}). Default
   * 1500, as Cassandra; a small value keeps a test of a runaway function short.
   */
  long userDefinedFunctionFailTimeoutMillis() default 1500;

  /**
   * Cassandra's {@code user_function_timeout_policy}: {@code DIE} (the default) and {@code
   * DIE_IMMEDIATE} end a timed-out call's message with "- will stop Cassandra VM", {@code IGNORE}
   * without it. The node never stops (the runaway body does).
   */
  UserFunctionTimeoutPolicy userFunctionTimeoutPolicy() default UserFunctionTimeoutPolicy.DIE;

  /**
   * A read that scans more tombstones than this on a replica adds a client warning "Read N live rows
   * and M tombstone cells for query ..." (Cassandra's {@code tombstone_warn_threshold}). Default
   * 1,000, as Cassandra; positive. A small value lets a test reach it with a few deletions.
   */
  int tombstoneWarnThreshold() default 1_000;

  /**
   * A read that scans more tombstones than this on a replica fails with {@code READ_FAILURE}
   * (reason {@code READ_TOO_MANY_TOMBSTONES}; Cassandra's {@code tombstone_failure_threshold}).
   * Default 100,000, as Cassandra; positive.
   */
  int tombstoneFailureThreshold() default 100_000;

  /**
   * Whether {@code CREATE MATERIALIZED VIEW} is allowed (Cassandra's {@code materialized_views_enabled}).
   * Default {@code false}, as Cassandra 5.0. Views are built before CREATE returns and kept in step
   * with every base write; isolation's TRUNCATE_TABLES empties them with their base tables.
   */
  boolean materializedViews() default false;

  /**
   * Whether columns may be masked with {@code MASKED WITH} and masks apply to reads (Cassandra's
   * {@code dynamic_data_masking_enabled}). Default {@code false}, as Cassandra 5.0. Masks hide values
   * only from roles without {@code UNMASK}, so they show only with {@code authentication = true}.
   */
  boolean dynamicDataMasking() default false;

  /**
   * Whether the cluster runs on a manual clock that only {@code RingletCluster.advanceClock} moves
   * (timestamps, TTLs, failure detection, timeouts), so fault tests never sleep. Default {@code false}.
   */
  boolean manualClock() default false;

  /**
   * Whether the nodes serve CQL over TLS only, with a certificate generated at start-up that names
   * every node's address ({@code ClientEncryption.selfSigned()}); the injected sessions trust it and
   * validate host names, and {@code RingletCluster.clientSslContext()} gives the same trust to
   * clients you build. Default {@code false}: plain connections.
   */
  boolean tls() default false;

  /**
   * The native protocol version of the injected sessions: {@code "V3"}, {@code "V4"} or
   * {@code "V5"} (the driver's {@code advanced.protocol.version}). Default {@code ""}: the version
   * the driver negotiates with the cluster. Does not change the cluster, which serves every version
   * it supports.
   */
  String protocolVersion() default "";

  /**
   * The frame compression of the injected sessions: {@code "lz4"}, {@code "snappy"} or
   * {@code "none"} (the driver's {@code advanced.protocol.compression}; lz4 needs
   * {@code org.lz4:lz4-java} or a fork on the classpath, snappy {@code org.xerial.snappy:snappy-java},
   * and protocol v5 compresses with lz4 only). Default {@code "none"}.
   */
  String compression() default "none";

  /** {@link #dataDirectory()}: a fresh temporary directory per cluster, deleted when it stops. */
  String TEMPORARY_DIRECTORY = "temp:";

  /**
   * A keyspace to create (if it does not exist) before the schema scripts run, with replication
   * suited to the topology: SimpleStrategy with replication factor 1 for one node,
   * NetworkTopologyStrategy with min(3, nodes of the datacenter) replicas per datacenter otherwise.
   * The injected session is bound to it. Default: none.
   */
  String keyspace() default "";

  /**
   * CQL scripts to run once per cluster, in order: {@code classpath:path/in/resources.cql} or
   * {@code file:relative/or/absolute.cql} (a bare path means the classpath). Scripts may hold many
   * statements separated by {@code ;}, comments ({@code --}, {@code //}, {@code /* *}{@code /}) and
   * {@code USE}; they run bound to {@link #keyspace()} when one is given. Default: none.
   */
  String[] schema() default {};

  /** How tests are kept apart. Default {@link Isolation#TRUNCATE_TABLES}. */
  Isolation isolation() default Isolation.TRUNCATE_TABLES;

  /**
   * Whether this class shares its cluster with other classes of the JVM that ask for the same cluster
   * (every cluster element equal: name, topology, tokens, version, storage). Default {@code true}; {@code false} starts a cluster
   * for this class (and its {@code @Nested} classes) alone and stops it after the class.
   */
  boolean shared() default true;
}
