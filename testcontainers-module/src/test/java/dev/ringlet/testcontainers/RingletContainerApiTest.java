package dev.ringlet.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Switching from the stock CassandraContainer is a one-line change: every method both declare has
 * the same parameters and the same return type (the container's own type standing for itself).
 */
class RingletContainerApiTest {

  /** The stock container's methods that have no meaning for Ringlet and are deliberately left out. */
  private static final Set<String> NOT_MIRRORED = Set.of("withConfigurationOverride", "withSsl");

  @Test
  void should_declare_every_overlapping_public_method_with_the_same_signature() {
    List<Method> stock = publicDeclared(CassandraContainer.class);
    assertThat(stock).extracting(Method::getName)
        .contains("getContactPoint", "getLocalDatacenter", "withInitScript", "getUsername", "getPassword");
    for (Method m : stock) {
      if (NOT_MIRRORED.contains(m.getName())) {
        continue;
      }
      Method ours;
      try {
        ours = RingletContainer.class.getMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        throw new AssertionError("RingletContainer lacks " + m, e);
      }
      Class<?> expected = m.getReturnType() == CassandraContainer.class ? RingletContainer.class : m.getReturnType();
      assertThat(ours.getReturnType()).as(m.getName()).isEqualTo(expected);
    }
  }

  @Test
  void should_default_the_local_datacenter_and_follow_cassandra_dc_as_the_stock_container_does() {
    RingletContainer container = new RingletContainer("ringlet:any");
    assertThat(container.getLocalDatacenter()).isEqualTo("datacenter1");
    container.withEnv("CASSANDRA_DC", "east");
    assertThat(container.getLocalDatacenter()).isEqualTo("east");
    assertThat(new RingletContainer("ringlet:any").withDatacenter("west").getLocalDatacenter()).isEqualTo("west");
    assertThat(container.getUsername()).isEqualTo("cassandra");
    assertThat(container.getPassword()).isEqualTo("cassandra");
  }

  @Test
  void should_turn_authentication_and_user_defined_functions_into_the_images_environment() {
    RingletContainer plain = new RingletContainer("ringlet:any");
    assertThat(plain.isAuthenticationEnabled()).isFalse();
    assertThat(plain.getEnvMap()).doesNotContainKeys("CASSANDRA_AUTHENTICATOR", "RINGLET_USER_DEFINED_FUNCTIONS");

    RingletContainer secured = new RingletContainer("ringlet:any").withAuthentication().withUserDefinedFunctions();
    assertThat(secured.isAuthenticationEnabled()).isTrue();
    assertThat(secured.getEnvMap()).containsEntry("CASSANDRA_AUTHENTICATOR", "PasswordAuthenticator")
        .containsEntry("RINGLET_USER_DEFINED_FUNCTIONS", "true");
    // as configured for the official image, by environment
    assertThat(new RingletContainer("ringlet:any")
        .withEnv("CASSANDRA_AUTHENTICATOR", "org.apache.cassandra.auth.PasswordAuthenticator")
        .isAuthenticationEnabled()).isTrue();
  }

  @Test
  void should_turn_tombstone_thresholds_into_the_images_environment() {
    assertThat(new RingletContainer("ringlet:any").getEnvMap()).doesNotContainKeys(
        "RINGLET_TOMBSTONE_WARN_THRESHOLD", "RINGLET_TOMBSTONE_FAILURE_THRESHOLD");
    assertThat(new RingletContainer("ringlet:any").withTombstoneThresholds(2, 5).getEnvMap())
        .containsEntry("RINGLET_TOMBSTONE_WARN_THRESHOLD", "2")
        .containsEntry("RINGLET_TOMBSTONE_FAILURE_THRESHOLD", "5");
    assertThatThrownBy(() -> new RingletContainer("ringlet:any").withTombstoneThresholds(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tombstone thresholds: warn 0, failure 5 (expected: positive)");
  }

  @Test
  void should_turn_user_defined_function_timeouts_and_policy_into_the_images_environment() {
    assertThat(new RingletContainer("ringlet:any").getEnvMap()).doesNotContainKeys(
        "RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT", "RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT",
        "RINGLET_USER_FUNCTION_TIMEOUT_POLICY");
    RingletContainer node = new RingletContainer("ringlet:any").withUserDefinedFunctions()
        .withUserDefinedFunctionTimeouts(Duration.ZERO, Duration.ofMillis(250)).withUserFunctionTimeoutPolicy("IGNORE");
    assertThat(node.getEnvMap()).containsEntry("RINGLET_USER_DEFINED_FUNCTIONS_WARN_TIMEOUT", "0")
        .containsEntry("RINGLET_USER_DEFINED_FUNCTIONS_FAIL_TIMEOUT", "250")
        .containsEntry("RINGLET_USER_FUNCTION_TIMEOUT_POLICY", "ignore");
    assertThatThrownBy(() -> new RingletContainer("ringlet:any")
        .withUserDefinedFunctionTimeouts(Duration.ofMillis(600), Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user-defined function timeouts: warn PT0.6S, fail PT0.5S (expected: 0 <= warn <= fail, fail positive)");
    assertThatThrownBy(() -> new RingletContainer("ringlet:any").withUserFunctionTimeoutPolicy("explode"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user function timeout policy: explode (expected: die, die_immediate or ignore)");
  }

  @Test
  void should_turn_materialized_views_into_the_images_environment() {
    assertThat(new RingletContainer("ringlet:any").getEnvMap()).doesNotContainKey("RINGLET_MATERIALIZED_VIEWS");
    assertThat(new RingletContainer("ringlet:any").withMaterializedViews().getEnvMap())
        .containsEntry("RINGLET_MATERIALIZED_VIEWS", "true");
  }

  @Test
  void should_refuse_an_ssl_context_for_a_node_without_tls_and_a_keystore_it_cannot_read(@TempDir Path dir)
      throws Exception {
    RingletContainer plain = new RingletContainer("ringlet:any");
    assertThat(plain.isClientEncryptionEnabled()).isFalse();
    assertThatThrownBy(plain::getSslContext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withClientEncryption");
    Path notAKeystore = Files.writeString(dir.resolve("keystore.p12"), "not a keystore");
    assertThatThrownBy(() -> new RingletContainer("ringlet:any").withClientEncryption(notAKeystore, "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notAKeystore.toString());
  }

  @Test
  void should_expose_the_cql_and_internode_ports() {
    assertThat(new RingletContainer("ringlet:any").getExposedPorts()).containsExactlyInAnyOrder(9042, 7000);
  }

  @Test
  void should_refuse_an_image_that_is_not_declared_a_ringlet_image() {
    assertThatThrownBy(() -> new RingletContainer("cassandra:5.0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ringlet");
    assertThatCode(() -> new RingletContainer(
        DockerImageName.parse("registry.example/my-ringlet:1").asCompatibleSubstituteFor("ringlet")))
        .doesNotThrowAnyException();
  }

  private static List<Method> publicDeclared(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .collect(Collectors.toList());
  }
}
