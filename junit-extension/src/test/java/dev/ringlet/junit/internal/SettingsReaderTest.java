package dev.ringlet.junit.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.junit.CassandraCluster;
import dev.ringlet.junit.Datacenter;
import dev.ringlet.junit.Isolation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

  @CassandraCluster
  static class Defaults {}

  @CassandraCluster(name = "orders", datacenter = "eu-west", releaseVersion = "4.1.5", keyspace = "shop",
      schema = {"a.cql", "file:b.cql"}, isolation = Isolation.NONE, shared = false)
  static class Everything {
    class Inner {}
  }

  @Retention(RetentionPolicy.RUNTIME)
  @CassandraCluster(keyspace = "meta")
  @interface MetaCluster {}

  @MetaCluster
  static class ViaMeta {}

  @CassandraCluster(datacenters = {@Datacenter(name = "eu", nodes = 3, racks = 3), @Datacenter(name = "us")})
  static class TwoDatacenters {}

  @CassandraCluster(nodes = 2, datacenters = @Datacenter(name = "eu"))
  static class Both {}

  @CassandraCluster(tls = true, protocolVersion = "V3", compression = "LZ4")
  static class Protocol {}

  @CassandraCluster(protocolVersion = "V9")
  static class UnknownVersion {}

  @CassandraCluster(compression = "zstd")
  static class UnknownCompression {}

  @CassandraCluster(protocolVersion = "V5", compression = "snappy")
  static class SnappyOnV5 {}

  @Test
  void should_read_tls_and_the_session_protocol_options() {
    ClusterSettings settings = SettingsReader.read(Protocol.class).settings();
    assertThat(settings.spec().clientEncryption()).isEqualTo(dev.ringlet.api.ClientEncryption.selfSigned());
    assertThat(settings.session()).isEqualTo(new SessionOptions("V3", "lz4"));
    assertThat(SettingsReader.read(Defaults.class).settings().session()).isEqualTo(SessionOptions.DEFAULTS);
    assertThat(SettingsReader.read(Defaults.class).settings().spec().clientEncryption()).isNull();
  }

  @Test
  void should_refuse_unknown_protocol_versions_and_compressions() {
    assertThatThrownBy(() -> SettingsReader.read(UnknownVersion.class))
        .hasMessage("protocolVersion: V9 (expected: V3, V4, V5, or \"\" for the negotiated version)");
    assertThatThrownBy(() -> SettingsReader.read(UnknownCompression.class))
        .hasMessage("compression: zstd (expected: lz4, snappy or none)");
    assertThatThrownBy(() -> SettingsReader.read(SnappyOnV5.class))
        .hasMessageStartingWith("compression: snappy with protocolVersion V5");
  }

  @Test
  void should_default_to_one_node_in_datacenter1_truncating_and_shared() {
    ClusterSettings settings = SettingsReader.read(Defaults.class).settings();
    assertThat(settings.spec().clusterName()).isEqualTo("Ringlet Cluster");
    assertThat(settings.spec().datacenter()).isEqualTo("datacenter1");
    assertThat(settings.spec().releaseVersion()).isEqualTo("5.0.9");
    assertThat(settings.spec()).isEqualTo(ClusterSpec.defaults());
    assertThat(settings.temporaryDirectory()).isFalse();
    assertThat(settings.keyspace()).isEmpty();
    assertThat(settings.schema()).isEmpty();
    assertThat(settings.isolation()).isEqualTo(Isolation.TRUNCATE_TABLES);
    assertThat(settings.shared()).isTrue();
  }

  @Test
  void should_read_every_element() {
    ClusterSettings settings = SettingsReader.read(Everything.class).settings();
    assertThat(settings.spec().clusterName()).isEqualTo("orders");
    assertThat(settings.spec().datacenter()).isEqualTo("eu-west");
    assertThat(settings.spec().releaseVersion()).isEqualTo("4.1.5");
    assertThat(settings.keyspace()).isEqualTo("shop");
    assertThat(settings.schema()).containsExactly("a.cql", "file:b.cql");
    assertThat(settings.isolation()).isEqualTo(Isolation.NONE);
    assertThat(settings.shared()).isFalse();
  }

  @Test
  void should_find_the_annotation_on_the_enclosing_class_of_an_inner_class() {
    SettingsReader.Declared declared = SettingsReader.read(Everything.Inner.class);
    assertThat(declared.owner()).isEqualTo(Everything.class);
    assertThat(declared.settings().keyspace()).isEqualTo("shop");
  }

  @Test
  void should_find_a_meta_annotation() {
    assertThat(SettingsReader.read(ViaMeta.class).settings().keyspace()).isEqualTo("meta");
  }

  @Test
  void should_hand_the_topology_to_the_engine_as_asked() {
    ClusterSettings settings = SettingsReader.read(TwoDatacenters.class).settings();
    assertThat(settings.spec().datacenters())
        .containsExactly(new DatacenterSpec("eu", 3, List.of("rack1", "rack2", "rack3")), DatacenterSpec.of("us", 1));
    assertThat(settings.nodeCount()).isEqualTo(4);
  }

  @CassandraCluster(nodes = 5, datacenter = "dc", numTokens = 4, dataDirectory = "build/ringlet-data",
      commitLogSync = ClusterSpec.CommitLogSync.BATCH)
  static class Storage {}

  @CassandraCluster(dataDirectory = CassandraCluster.TEMPORARY_DIRECTORY)
  static class Temporary {}

  @CassandraCluster(numTokens = 2, datacenters = @Datacenter(name = "eu", nodes = 3, tokens = {"-5,5", "", "7, 9"}))
  static class ExplicitTokens {}

  @Test
  void should_read_explicit_tokens_per_node() {
    DatacenterSpec dc = SettingsReader.read(ExplicitTokens.class).settings().spec().datacenters().get(0);
    assertThat(dc.tokensOf(0)).containsExactly(-5L, 5L);
    assertThat(dc.tokensOf(1)).isEmpty();
    assertThat(dc.tokensOf(2)).containsExactly(7L, 9L);
  }

  @CassandraCluster(datacenters = @Datacenter(name = "eu", nodes = 2, rackNames = {"a", "a"}))
  static class DuplicateRacks {}

  @Test
  void should_read_nodes_tokens_and_storage() {
    ClusterSpec spec = SettingsReader.read(Storage.class).settings().spec();
    assertThat(spec.datacenters()).containsExactly(DatacenterSpec.of("dc", 5));
    assertThat(spec.numTokens()).isEqualTo(4);
    assertThat(spec.dataDirectory()).isEqualTo(java.nio.file.Path.of("build/ringlet-data"));
    assertThat(spec.commitLogSync()).isEqualTo(ClusterSpec.CommitLogSync.BATCH);
  }

  @Test
  void should_keep_a_temporary_directory_out_of_the_spec_so_classes_still_share() {
    ClusterSettings settings = SettingsReader.read(Temporary.class).settings();
    assertThat(settings.temporaryDirectory()).isTrue();
    assertThat(settings.spec().dataDirectory()).isNull();
    assertThat(settings.clusterKey()).isEqualTo(SettingsReader.read(Temporary.class).settings().clusterKey());
    assertThat(settings.clusterKey()).isNotEqualTo(SettingsReader.read(Defaults.class).settings().clusterKey());
  }

  @Test
  void should_refuse_what_the_engine_spec_refuses_with_its_message() {
    assertThatThrownBy(() -> SettingsReader.read(DuplicateRacks.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("racks: [a, a] in datacenter eu (expected: distinct names)");
  }

  @Test
  void should_refuse_nodes_given_twice() {
    assertThatThrownBy(() -> SettingsReader.read(Both.class))
        .hasMessageContaining("nodes = 2")
        .hasMessageContaining("not both");
  }

  @Test
  void should_reject_an_invalid_keyspace_name() {
    assertThatThrownBy(() -> ClusterSettings.of(dev.ringlet.api.ClusterSpec.defaults()).withKeyspace("no-dashes"))
        .hasMessageStartingWith("keyspace: no-dashes (expected:");
  }
}
