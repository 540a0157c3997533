package dev.ringlet.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.spring.RingletProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Properties to spec only, every property (the clusters themselves are started by the auto-configuration tests). */
class ClusterSpecsTest {

  @Test
  void should_map_default_properties_to_the_default_spec() {
    assertThat(ClusterSpecs.from(new RingletProperties())).isEqualTo(ClusterSpec.defaults());
  }

  @Test
  void should_map_name_version_tokens_and_a_single_datacenter_topology() {
    RingletProperties properties = new RingletProperties();
    properties.setClusterName("Shop");
    properties.setReleaseVersion("4.1.5");
    properties.setNumTokens(8);
    properties.setDatacenter("eu-west");
    properties.setNodes(3);
    properties.setRacks(2);

    ClusterSpec spec = ClusterSpecs.from(properties);

    assertThat(spec.clusterName()).isEqualTo("Shop");
    assertThat(spec.releaseVersion()).isEqualTo("4.1.5");
    assertThat(spec.numTokens()).isEqualTo(8);
    assertThat(spec.datacenters()).containsExactly(new DatacenterSpec("eu-west", 3, List.of("rack1", "rack2")));
  }

  @Test
  void should_map_materialized_views() {
    RingletProperties properties = new RingletProperties();
    assertThat(ClusterSpecs.from(properties).materializedViews()).isFalse();
    properties.setMaterializedViews(true);
    assertThat(ClusterSpecs.from(properties).materializedViews()).isTrue();
    assertThat(ClusterSpecs.from(properties).dynamicDataMasking()).isFalse();
    properties.setDynamicDataMasking(true);
    assertThat(ClusterSpecs.from(properties).dynamicDataMasking()).isTrue();
  }

  @Test
  void should_map_authentication_and_user_defined_functions() {
    RingletProperties properties = new RingletProperties();
    assertThat(ClusterSpecs.from(properties).authentication()).isFalse();
    assertThat(ClusterSpecs.from(properties).userDefinedFunctions()).isFalse();

    properties.setAuthentication(true);
    properties.setUserDefinedFunctions(true);

    ClusterSpec spec = ClusterSpecs.from(properties);
    assertThat(spec.authentication()).isTrue();
    assertThat(spec.userDefinedFunctions()).isTrue();
  }

  @Test
  void should_map_the_user_defined_function_timeouts_and_policy() {
    RingletProperties properties = new RingletProperties();
    ClusterSpec defaults = ClusterSpecs.from(properties);
    assertThat(defaults.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(defaults.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
    assertThat(defaults.userFunctionTimeoutPolicy()).isEqualTo(dev.ringlet.api.UserFunctionTimeoutPolicy.DIE);

    properties.setUserDefinedFunctionWarnTimeout(java.time.Duration.ZERO);
    properties.setUserDefinedFunctionFailTimeout(java.time.Duration.ofMillis(250));
    properties.setUserFunctionTimeoutPolicy(dev.ringlet.api.UserFunctionTimeoutPolicy.IGNORE);

    ClusterSpec spec = ClusterSpecs.from(properties);
    assertThat(spec.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ZERO);
    assertThat(spec.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(250));
    assertThat(spec.userFunctionTimeoutPolicy()).isEqualTo(dev.ringlet.api.UserFunctionTimeoutPolicy.IGNORE);
  }

  @Test
  void should_refuse_a_warn_timeout_above_the_fail_timeout_naming_both_properties() {
    RingletProperties properties = new RingletProperties();
    properties.setUserDefinedFunctionWarnTimeout(java.time.Duration.ofSeconds(2));

    assertThatThrownBy(() -> ClusterSpecs.from(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ringlet.user-defined-function-warn-timeout: PT2S, ringlet.user-defined-function-fail-timeout: PT1.5S"
            + " (expected: 0 <= warn <= fail, fail positive)");
  }

  @Test
  void should_map_the_tombstone_thresholds() {
    RingletProperties properties = new RingletProperties();
    ClusterSpec defaults = ClusterSpecs.from(properties);
    assertThat(defaults.tombstoneWarnThreshold()).isEqualTo(1_000);
    assertThat(defaults.tombstoneFailureThreshold()).isEqualTo(100_000);

    properties.setTombstoneWarnThreshold(2);
    properties.setTombstoneFailureThreshold(5);

    ClusterSpec spec = ClusterSpecs.from(properties);
    assertThat(spec.tombstoneWarnThreshold()).isEqualTo(2);
    assertThat(spec.tombstoneFailureThreshold()).isEqualTo(5);
  }

  @Test
  void should_refuse_a_threshold_that_is_not_positive_naming_both_properties() {
    RingletProperties properties = new RingletProperties();
    properties.setTombstoneWarnThreshold(0);

    assertThatThrownBy(() -> ClusterSpecs.from(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ringlet.tombstone-warn-threshold: 0, ringlet.tombstone-failure-threshold: 100000 (expected: positive)");
  }

  @Test
  void should_map_several_datacenters_in_order() {
    RingletProperties properties = new RingletProperties();
    properties.setDatacenters(List.of(datacenter("dc1", 3, 3), datacenter("dc2", 2, 1)));

    ClusterSpec spec = ClusterSpecs.from(properties);

    assertThat(spec.datacenters()).containsExactly(DatacenterSpec.of("dc1", 3, 3), DatacenterSpec.of("dc2", 2, 1));
    assertThat(spec.datacenter()).isEqualTo("dc1");
    assertThat(spec.nodeCount()).isEqualTo(5);
  }

  @Test
  void should_refuse_a_datacenter_without_a_name() {
    RingletProperties properties = new RingletProperties();
    properties.setDatacenters(List.of(datacenter(null, 1, 1)));
    assertThatThrownBy(() -> ClusterSpecs.from(properties)).hasMessageStartingWith("ringlet.datacenters[].name: missing");
  }

  @Test
  void should_map_directory_storage_with_its_commit_log_sync() {
    RingletProperties properties = new RingletProperties();
    properties.getStorage().setMode(RingletProperties.StorageMode.DIRECTORY);
    properties.getStorage().setDataDirectory(Path.of("target/ringlet-data"));
    properties.getStorage().setCommitLogSync(ClusterSpec.CommitLogSync.BATCH);

    ClusterSpec spec = ClusterSpecs.from(properties);

    assertThat(spec.dataDirectory()).isEqualTo(Path.of("target/ringlet-data"));
    assertThat(spec.commitLogSync()).isEqualTo(ClusterSpec.CommitLogSync.BATCH);
  }

  @Test
  void should_refuse_contradicting_storage_settings() {
    RingletProperties directoryWithout = new RingletProperties();
    directoryWithout.getStorage().setMode(RingletProperties.StorageMode.DIRECTORY);
    assertThatThrownBy(() -> ClusterSpecs.from(directoryWithout))
        .hasMessageStartingWith("ringlet.storage.data-directory: missing with ringlet.storage.mode=DIRECTORY");

    RingletProperties memoryWith = new RingletProperties();
    memoryWith.getStorage().setDataDirectory(Path.of("x"));
    assertThatThrownBy(() -> ClusterSpecs.from(memoryWith))
        .hasMessageStartingWith("ringlet.storage.data-directory: x with ringlet.storage.mode=MEMORY");
  }

  @Test
  void should_give_equal_specs_for_equal_properties() {
    assertThat(ClusterSpecs.from(new RingletProperties())).isEqualTo(ClusterSpecs.from(new RingletProperties()));
  }

  @Test
  void should_bind_properties_as_spring_does_and_map_them() {
    Map<String, String> values = Map.of(
        "ringlet.cluster-name", "Multi",
        "ringlet.datacenters[0].name", "eu", "ringlet.datacenters[0].nodes", "3", "ringlet.datacenters[0].racks", "3",
        "ringlet.datacenters[1].name", "us", "ringlet.datacenters[1].nodes", "2",
        "ringlet.storage.mode", "directory", "ringlet.storage.data-directory", "build/data",
        "ringlet.storage.commit-log-sync", "group",
        "ringlet.driver.debounce-window", "20ms");

    RingletProperties properties = new Binder(new MapConfigurationPropertySource(values))
        .bind("ringlet", RingletProperties.class).get();
    ClusterSpec spec = ClusterSpecs.from(properties);

    assertThat(spec.clusterName()).isEqualTo("Multi");
    assertThat(spec.datacenters()).containsExactly(DatacenterSpec.of("eu", 3, 3), DatacenterSpec.of("us", 2, 1));
    assertThat(spec.dataDirectory()).isEqualTo(Path.of("build/data"));
    assertThat(spec.commitLogSync()).isEqualTo(ClusterSpec.CommitLogSync.GROUP);
    assertThat(properties.getDriver().getDebounceWindow()).isEqualTo(java.time.Duration.ofMillis(20));
  }

  private static RingletProperties.Datacenter datacenter(String name, int nodes, int racks) {
    RingletProperties.Datacenter dc = new RingletProperties.Datacenter();
    dc.setName(name);
    dc.setNodes(nodes);
    dc.setRacks(racks);
    return dc;
  }
}
