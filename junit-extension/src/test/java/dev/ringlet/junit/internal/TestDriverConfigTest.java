package dev.ringlet.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestDriverConfigTest {

  @Test
  void should_read_the_application_configuration_only_where_the_application_has_one() {
    assertThat(TestDriverConfig.applicationConfigured(Set.of("java.version", "user.dir"), name -> false)).isFalse();
    assertThat(TestDriverConfig.applicationConfigured(Set.of(), "application.conf"::equals)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of(), "application.json"::equals)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of(), "application.properties"::equals)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of("config.file"), name -> false)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of("config.resource"), name -> false)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of("config.url"), name -> false)).isTrue();
    assertThat(TestDriverConfig.applicationConfigured(Set.of("datastax-java-driver.basic.request.timeout"), name -> false))
        .isTrue();
  }

  @Test
  void should_give_both_loaders_the_same_settings_over_the_same_defaults() {
    DriverExecutionProfile map = profile(TestDriverConfig.mapBased(TestDriverConfig.common()));
    DriverExecutionProfile file = profile(TestDriverConfig.fileBased(TestDriverConfig.common()));
    for (DriverExecutionProfile p : new DriverExecutionProfile[] {map, file}) {
      assertThat(p.getDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW)).isEqualTo(Duration.ofMillis(10));
      assertThat(p.getInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS)).isEqualTo(2);
      assertThat(p.getDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW)).isEqualTo(Duration.ofMillis(1));
      assertThat(p.getDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL)).isEqualTo(Duration.ofMillis(5));
      assertThat(p.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD)).isEqualTo(10);
      assertThat(p.getString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT)).isEqualTo("MILLISECONDS");
    }
    // what the settings leave alone is the driver's default either way
    assertThat(map.getDuration(DefaultDriverOption.REQUEST_TIMEOUT)).isEqualTo(file.getDuration(DefaultDriverOption.REQUEST_TIMEOUT));
    assertThat(map.getInt(DefaultDriverOption.REQUEST_PAGE_SIZE)).isEqualTo(file.getInt(DefaultDriverOption.REQUEST_PAGE_SIZE));
    assertThat(map.getBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED)).isTrue();
    assertThat(file.getBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED)).isTrue();
    assertThat(map.getBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED)).isTrue();
    assertThat(file.getBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED)).isTrue();
    assertThat(map.getInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE))
        .isEqualTo(file.getInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE));
    assertThat(map.getString(DefaultDriverOption.RECONNECTION_POLICY_CLASS))
        .isEqualTo(file.getString(DefaultDriverOption.RECONNECTION_POLICY_CLASS));
    assertThat(map.getStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES))
        .isEqualTo(file.getStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES));
  }

  @Test
  void should_turn_schema_metadata_off_for_set_up_sessions_only() {
    assertThat(profile(TestDriverConfig.setUpLoader()).getBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED)).isFalse();
    assertThat(profile(TestDriverConfig.loader()).getBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED)).isTrue();
  }

  private static DriverExecutionProfile profile(DriverConfigLoader loader) {
    try (loader) {
      return loader.getInitialConfig().getDefaultProfile();
    }
  }
}
