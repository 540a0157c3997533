package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against a real (in-JVM) Ringlet node: the exchanges the wait strategy relies on. */
class CqlProbeTest {

  private static RingletCluster node;
  private static InetSocketAddress address;

  @BeforeAll
  static void start() {
    node = Ringlet.start(ClusterSpec.defaults().withPort(0).withClusterName("probe-test"));
    address = node.contactPoints().get(0);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static CqlProbe connect() throws Exception {
    return CqlProbe.connect(address.getHostString(), address.getPort(), Duration.ofSeconds(5));
  }

  @Test
  void should_read_the_supported_options_and_query_system_local_after_startup() throws Exception {
    try (CqlProbe probe = connect()) {
      assertThat(probe.options()).containsKey("CQL_VERSION").containsKey("PROTOCOL_VERSIONS");
      probe.startup();
      List<List<byte[]>> rows = probe.query("SELECT release_version, cluster_name FROM system.local");
      assertThat(rows).hasSize(1);
      assertThat(new String(rows.get(0).get(0), StandardCharsets.UTF_8)).isEqualTo(ClusterSpec.DEFAULT_RELEASE_VERSION);
      assertThat(new String(rows.get(0).get(1), StandardCharsets.UTF_8)).isEqualTo("probe-test");
    }
  }

  @Test
  void should_skip_metadata_of_collection_and_nested_types_and_read_every_row() throws Exception {
    try (CqlProbe probe = connect()) {
      probe.startup();
      List<List<byte[]>> rows = probe.query("SELECT keyspace_name, replication FROM system_schema.keyspaces");
      assertThat(rows).extracting(r -> new String(r.get(0), StandardCharsets.UTF_8))
          .contains("system", "system_schema");
      assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(2));
    }
  }

  @Test
  void should_read_past_the_warnings_a_response_carries() throws Exception {
    try (CqlProbe probe = connect()) {
      probe.startup();
      // Cassandra (and Ringlet) warn "Aggregation query used without partition key" here.
      List<List<byte[]>> rows = probe.query("SELECT count(*) FROM system_schema.keyspaces");
      assertThat(rows).hasSize(1);
      assertThat(java.nio.ByteBuffer.wrap(rows.get(0).get(0)).getLong()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void should_report_the_server_error_code_and_message() throws Exception {
    try (CqlProbe probe = connect()) {
      probe.startup();
      assertThatThrownBy(() -> probe.query("SELECT * FROM no_such_keyspace.t"))
          .isInstanceOfSatisfying(CqlServerError.class, e -> assertThat(e.code()).isEqualTo(0x2200))
          .hasMessageContaining("error 0x2200")
          .hasMessageContaining("no_such_keyspace");
    }
  }

  @Test
  void should_refuse_a_query_before_startup_as_the_server_does() throws Exception {
    try (CqlProbe probe = connect()) {
      assertThatThrownBy(() -> probe.query("SELECT release_version FROM system.local"))
          .isInstanceOf(CqlServerError.class);
    }
  }
}
