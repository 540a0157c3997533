package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise, proved through an unmodified driver with its default configuration:
 * it connects (at protocol v5, as with Cassandra 5.0), sees the schema it created, and gets typed
 * errors with Cassandra's messages; and it logs no warning while doing so. The same source runs
 * against driver 4.19 (engine module) and 4.17 (driver-compat module).
 */
class DriverAcceptanceTest {

  private static DriverLogCapture log;
  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    log = new DriverLogCapture();
    cluster = Ringlet.start(ClusterSpec.defaults().withClusterName("acceptance"));
    session = CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .build();
    session.execute("CREATE KEYSPACE acc WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE acc.kv (k int PRIMARY KEY, v int)");
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    List<String> warnings = log.warnings();
    log.close();
    assertThat(warnings).as("the driver logged no warning or error").isEmpty();
  }

  @Test
  void should_negotiate_protocol_v5_with_default_configuration() {
    assertThat(session.getContext().getProtocolVersion()).isEqualTo(ProtocolVersion.V5);
    Row local = session.execute("SELECT cluster_name, release_version, partitioner FROM system.local").one();
    assertThat(local.getString("cluster_name")).isEqualTo("acceptance");
    assertThat(local.getString("release_version")).startsWith("5.0");
    assertThat(local.getString("partitioner")).isEqualTo("org.apache.cassandra.dht.Murmur3Partitioner");
    assertThat(session.getMetadata().getNodes()).hasSize(1);
  }

  @Test
  void should_describe_created_tables_in_driver_metadata() {
    session.execute("CREATE TABLE acc.events (tenant text, day date, at timestamp, seq int, kind text static, "
        + "payload blob, tags frozen<set<text>>, PRIMARY KEY ((tenant, day), at, seq)) "
        + "WITH CLUSTERING ORDER BY (at DESC, seq ASC) AND comment = 'events'");
    KeyspaceMetadata ks = session.getMetadata().getKeyspace("acc").orElseThrow();
    assertThat(ks.getReplication()).containsEntry("replication_factor", "1")
        .containsEntry("class", "org.apache.cassandra.locator.SimpleStrategy");
    TableMetadata t = ks.getTable("events").orElseThrow();
    assertThat(t.getPartitionKey()).extracting(c -> c.getName().asInternal()).containsExactly("tenant", "day");
    assertThat(t.getClusteringColumns().keySet()).extracting(c -> c.getName().asInternal()).containsExactly("at", "seq");
    assertThat(t.getClusteringColumns().values()).containsExactly(ClusteringOrder.DESC, ClusteringOrder.ASC);
    assertThat(t.getColumn("kind").orElseThrow().isStatic()).isTrue();
    assertThat(t.getColumn("day").orElseThrow().getType()).isEqualTo(DataTypes.DATE);
    assertThat(t.getColumn("payload").orElseThrow().getType()).isEqualTo(DataTypes.BLOB);
    assertThat(t.getColumn("tags").orElseThrow().getType()).isEqualTo(DataTypes.frozenSetOf(DataTypes.TEXT));
    assertThat(t.getOptions().get(com.datastax.oss.driver.api.core.CqlIdentifier.fromInternal("comment"))).isEqualTo("events");
  }

  @Test
  void should_page_a_ten_thousand_row_partition_in_clustering_order_exactly_once() {
    session.execute("CREATE TABLE acc.wide (k int, c int, v text, PRIMARY KEY (k, c))");
    PreparedStatement insert = session.prepare("INSERT INTO acc.wide (k, c, v) VALUES (1, ?, ?)");
    writeAll(10_000, i -> insert.bind(i, "v" + i));
    ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT c FROM acc.wide WHERE k = 1").setPageSize(777));
    int expected = 0;
    for (Row row : rs) {
      assertThat(row.getInt("c")).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(10_000);
  }

  @Test
  void should_page_a_ten_thousand_partition_table_in_token_order_exactly_once() {
    session.execute("CREATE TABLE acc.many (k int PRIMARY KEY, v int)");
    PreparedStatement insert = session.prepare("INSERT INTO acc.many (k, v) VALUES (?, ?)");
    writeAll(10_000, i -> insert.bind(i, i));
    ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT k, token(k) FROM acc.many").setPageSize(1000));
    Set<Integer> seen = new HashSet<>();
    long previous = Long.MIN_VALUE;
    for (Row row : rs) {
      assertThat(seen.add(row.getInt(0))).as("key %s returned once", row.getInt(0)).isTrue();
      long token = row.getLong(1);
      assertThat(token).isGreaterThanOrEqualTo(previous);
      previous = token;
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void should_route_prepared_statements_by_the_partition_key() {
    session.execute("CREATE TABLE acc.routed (a int, b text, v int, PRIMARY KEY ((a, b)))");
    PreparedStatement p = session.prepare("SELECT v FROM acc.routed WHERE a = ? AND b = ?");
    PreparedStatement again = session.prepare("SELECT v FROM acc.routed WHERE a = ? AND b = ?");
    assertThat(again.getId()).isEqualTo(p.getId());
    assertThat(p.getPartitionKeyIndices()).containsExactly(0, 1);
    BoundStatement bound = p.bind(7, "x");
    ByteBuffer routingKey = bound.getRoutingKey();
    assertThat(routingKey).isNotNull();
    Token token = session.getMetadata().getTokenMap().orElseThrow().newToken(routingKey);
    Row row = session.execute(SimpleStatement.newInstance("SELECT token(a, b) FROM acc.routed WHERE a = 7 AND b = 'x'")).one();
    session.execute("INSERT INTO acc.routed (a, b, v) VALUES (7, 'x', 1)");
    row = session.execute("SELECT token(a, b) FROM acc.routed WHERE a = 7 AND b = 'x'").one();
    assertThat(token.toString()).contains(Long.toString(row.getLong(0)));
    assertThat(session.execute(bound).one().getInt("v")).isEqualTo(1);
  }

  @Test
  void should_answer_errors_as_typed_driver_exceptions_with_cassandras_messages() {
    assertThatThrownBy(() -> session.execute("SELEC * FROM acc.kv"))
        .isInstanceOf(SyntaxError.class)
        .hasMessage("line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)");
    assertThatThrownBy(() -> session.execute("SELECT * FROM acc.nosuch"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("table nosuch does not exist");
    assertThatThrownBy(() -> session.execute("CREATE KEYSPACE acc WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("Keyspace acc already exists");
    assertThatThrownBy(() -> session.execute("SELECT * FROM acc.kv WHERE v = 1"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("Cannot execute this query as it might involve data filtering");
    // The connection is still fine after every error.
    assertThat(session.execute("SELECT cluster_name FROM system.local").one().getString(0)).isEqualTo("acceptance");
  }

  @Test
  void should_empty_a_keyspace_without_a_client_round_trip() {
    session.execute("CREATE TABLE acc.reset_me (k int PRIMARY KEY, v int)");
    session.execute("INSERT INTO acc.reset_me (k, v) VALUES (1, 1)");
    int tables = cluster.truncate(java.util.Set.of("acc", "no_such_keyspace"));
    assertThat(tables).isEqualTo(session.getMetadata().getKeyspace("acc").orElseThrow().getTables().size());
    assertThat(session.execute("SELECT * FROM acc.reset_me").all()).isEmpty();
    assertThat(session.getMetadata().getKeyspace("acc").orElseThrow().getTable("reset_me")).isPresent();
    assertThatThrownBy(() -> cluster.truncate(java.util.Set.of("system")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_bind_named_values_and_named_markers() {
    session.execute("INSERT INTO acc.kv (k, v) VALUES (:key, :value)", java.util.Map.of("key", 41, "value", 410));
    Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM acc.kv WHERE k = :k").setNamedValues(java.util.Map.of("k", 41))).one();
    assertThat(row.getInt("v")).isEqualTo(410);
    PreparedStatement p = session.prepare("SELECT v FROM acc.kv WHERE k = :k");
    assertThat(p.getVariableDefinitions().get(0).getName().asInternal()).isEqualTo("k");
    assertThat(session.execute(p.bind().setInt("k", 41)).one().getInt(0)).isEqualTo(410);
    // The driver's own node refresh queries use named values this way.
    Row local = session.execute(SimpleStatement.newInstance("SELECT * FROM system.peers_v2 WHERE peer = :address AND peer_port = :port")
        .setNamedValues(java.util.Map.of("address", java.net.InetAddress.getLoopbackAddress(), "port", 7000))).one();
    assertThat(local).isNull();
  }

  @Test
  void should_change_the_schema_version_with_every_schema_change() {
    java.util.UUID before = session.execute("SELECT schema_version FROM system.local WHERE key = 'local'").one().getUuid(0);
    session.execute("ALTER TABLE acc.kv WITH comment = 'changed'");
    java.util.UUID after = session.execute("SELECT schema_version FROM system.local WHERE key = 'local'").one().getUuid(0);
    assertThat(after).isNotEqualTo(before);
    assertThat(session.checkSchemaAgreement()).isTrue();
  }

  @Test
  void should_push_schema_changes_to_other_clients() throws InterruptedException {
    java.util.concurrent.CountDownLatch created = new java.util.concurrent.CountDownLatch(1);
    try (CqlSession other = CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .addSchemaChangeListener(new com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListenerBase() {
          @Override
          public void onTableCreated(com.datastax.oss.driver.api.core.metadata.schema.TableMetadata table) {
            if (table.getName().asInternal().equals("pushed")) {
              created.countDown();
            }
          }
        })
        .build()) {
      assertThat(other.getMetadata().getKeyspace("acc").orElseThrow().getTable("pushed")).isEmpty();
      session.execute("CREATE TABLE acc.pushed (k int PRIMARY KEY)");
      // The other session learns of it only through the SCHEMA_CHANGE event on its control connection:
      // its schema listener is told once its metadata has the table.
      assertThat(created.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the other session heard of the table").isTrue();
      assertThat(other.getMetadata().getKeyspace("acc").orElseThrow().getTable("pushed")).isPresent();
    }
  }

  /** Writes {@code n} statements with at most 256 in flight. */
  private static void writeAll(int n, java.util.function.IntFunction<BoundStatement> statement) {
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CompletionStage<?> f = session.executeAsync(statement.apply(i));
      inFlight.add(f.toCompletableFuture());
      if (inFlight.size() >= 256) {
        CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).join();
        inFlight.clear();
      }
    }
    CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).join();
  }
}
