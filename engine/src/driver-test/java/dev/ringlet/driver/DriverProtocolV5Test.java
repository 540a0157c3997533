package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Native protocol v5 as the Java driver uses it against Cassandra 5.0: negotiation, segments with
 * large values both ways, lz4, result metadata ids after ALTER TABLE, per-request keyspaces and
 * NOW_IN_SECONDS; and the older versions still there when the driver is pinned to them.
 */
class DriverProtocolV5Test {

  private static RingletCluster cluster;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    try (CqlSession session = session(null, null)) {
      session.execute(
          "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.blobs (k int PRIMARY KEY, b blob, t text)");
      session.execute("CREATE TABLE ks.kv (k int PRIMARY KEY, v text)");
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static CqlSession session(String compression, String version) {
    ProgrammaticDriverConfigLoaderBuilder config =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ZERO)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20));
    if (compression != null) {
      config = config.withString(DefaultDriverOption.PROTOCOL_COMPRESSION, compression);
    }
    if (version != null) {
      config = config.withString(DefaultDriverOption.PROTOCOL_VERSION, version);
    }
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(config.build())
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "lz4"})
  void should_negotiate_v5_and_carry_values_of_several_megabytes_both_ways(String compression) {
    try (CqlSession session = session(compression, null)) {
      byte[] bytes = new byte[5 * 1024 * 1024];
      new Random(5).nextBytes(bytes);
      String text = "x".repeat(300_000);
      PreparedStatement insert = session.prepare("INSERT INTO ks.blobs (k, b, t) VALUES (?, ?, ?)");

      session.execute(insert.bind(1, ByteBuffer.wrap(bytes), text));
      Row row = session.execute("SELECT b, t FROM ks.blobs WHERE k = 1").one();

      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V5);
      ByteBuffer read = row.getByteBuffer("b");
      byte[] readBytes = new byte[read.remaining()];
      read.get(readBytes);
      assertThat(readBytes).isEqualTo(bytes);
      assertThat(row.getString("t")).isEqualTo(text);
    }
  }

  @Test
  void should_answer_metadata_changed_with_a_new_id_when_a_prepared_select_outlives_alter_table() {
    try (CqlSession session = session(null, null)) {
      session.execute("CREATE TABLE ks.altered (k int PRIMARY KEY, a int)");
      session.execute("INSERT INTO ks.altered (k, a) VALUES (1, 10)");
      PreparedStatement select = session.prepare("SELECT * FROM ks.altered WHERE k = ?");
      ByteBuffer idBefore = select.getResultMetadataId();
      assertThat(session.execute(select.bind(1)).one().getColumnDefinitions().size()).isEqualTo(2);

      session.execute("ALTER TABLE ks.altered ADD b text");
      session.execute("UPDATE ks.altered SET b = 'new' WHERE k = 1");
      Row row = session.execute(select.bind(1)).one();

      assertThat(row.getColumnDefinitions().contains("b")).isTrue();
      assertThat(row.getString("b")).isEqualTo("new");
      assertThat(select.getResultSetDefinitions().contains("b")).isTrue();
      assertThat(select.getResultMetadataId()).isNotNull().isNotEqualTo(idBefore);
    }
  }

  @Test
  void should_run_queries_prepares_and_batches_in_their_own_keyspace() {
    try (CqlSession session = session(null, null)) {
      session.execute(SimpleStatement.newInstance("INSERT INTO kv (k, v) VALUES (1, 'one')").setKeyspace("ks"));
      PreparedStatement select =
          session.prepare(SimpleStatement.newInstance("SELECT v FROM kv WHERE k = ?").setKeyspace("ks"));
      session.execute(
          BatchStatement.newInstance(BatchType.LOGGED)
              .add(SimpleStatement.newInstance("INSERT INTO kv (k, v) VALUES (2, 'two')"))
              .setKeyspace("ks"));

      assertThat(session.execute(select.bind(1)).one().getString("v")).isEqualTo("one");
      assertThat(session.execute(select.bind(2)).one().getString("v")).isEqualTo("two");
      assertThat(session.getKeyspace()).isEmpty();
    }
  }

  @Test
  void should_use_now_in_seconds_for_the_ttl_of_writes_and_the_expiry_seen_by_reads() {
    try (CqlSession session = session(null, null)) {
      int longAgo = 1_000_000;
      session.execute(
          SimpleStatement.newInstance("INSERT INTO ks.kv (k, v) VALUES (7, 'old') USING TTL 100")
              .setNowInSeconds(longAgo));

      Row seenThen =
          session.execute(
                  SimpleStatement.newInstance("SELECT v, ttl(v) FROM ks.kv WHERE k = 7")
                      .setNowInSeconds(longAgo + 40))
              .one();
      Row seenNow = session.execute("SELECT v FROM ks.kv WHERE k = 7").one();

      assertThat(seenThen.getString("v")).isEqualTo("old");
      assertThat(seenThen.getInt(1)).isEqualTo(60);
      assertThat(seenNow).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V3"})
  void should_still_speak_the_older_versions_when_the_driver_is_pinned(String version) {
    try (CqlSession session = session("lz4", version)) {
      session.execute("INSERT INTO ks.kv (k, v) VALUES (3, 'three')");
      PreparedStatement select = session.prepare("SELECT v FROM ks.kv WHERE k = ?");

      assertThat(session.execute(select.bind(3)).one().getString("v")).isEqualTo("three");
      assertThat(session.getContext().getProtocolVersion().name()).isEqualTo(version);
    }
  }
}
