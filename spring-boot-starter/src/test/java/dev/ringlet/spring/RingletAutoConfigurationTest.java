package dev.ringlet.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.spring.internal.RingletConnectionDetails;
import dev.ringlet.spring.internal.SharedClusters;
import dev.ringlet.spring.internal.TestDataReset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each condition and property of the auto-configuration, on a real cluster and Spring Boot's own session. */
class RingletAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RingletAutoConfiguration.class, CassandraAutoConfiguration.class));

  @Test
  void should_stay_off_without_ringlet_enabled() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(RingletCluster.class);
      assertThat(context).getBean(CassandraConnectionDetails.class).isNotInstanceOf(RingletConnectionDetails.class);
    });
    runner.withPropertyValues("ringlet.enabled=false").run(context -> assertThat(context).doesNotHaveBean(RingletCluster.class));
  }

  @Test
  void should_connect_spring_boots_session_to_the_cluster_when_enabled() {
    runner.withPropertyValues("ringlet.enabled=true").run(context -> {
      RingletCluster cluster = context.getBean(RingletCluster.class);
      CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
      assertThat(details.getLocalDatacenter()).isEqualTo("datacenter1");
      assertThat(details.getContactPoints()).singleElement().satisfies(node -> {
        assertThat(node.host()).isEqualTo(cluster.contactPoints().get(0).getHostString());
        assertThat(node.port()).isEqualTo(cluster.contactPoints().get(0).getPort());
      });
      assertThat(details.getUsername()).isNull();
      assertThat(details.getPassword()).isNull();

      Row local = context.getBean(CqlSession.class).execute("SELECT cluster_name, data_center, release_version FROM system.local").one();
      assertThat(local.getString("cluster_name")).isEqualTo("Ringlet Cluster");
      assertThat(local.getString("data_center")).isEqualTo("datacenter1");
      assertThat(local.getString("release_version")).isEqualTo("5.0.9");
    });
  }

  @Test
  void should_start_the_cluster_the_properties_describe() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=Shop", "ringlet.release-version=4.1.5",
        "ringlet.datacenter=eu-west", "ringlet.num-tokens=4").run(context -> {
          assertThat(context.getBean(CassandraConnectionDetails.class).getLocalDatacenter()).isEqualTo("eu-west");
          Row local = context.getBean(CqlSession.class)
              .execute("SELECT cluster_name, data_center, release_version, tokens FROM system.local").one();
          assertThat(local.getString("cluster_name")).isEqualTo("Shop");
          assertThat(local.getString("data_center")).isEqualTo("eu-west");
          assertThat(local.getString("release_version")).isEqualTo("4.1.5");
          assertThat(local.getSet("tokens", String.class)).hasSize(4);
        });
  }

  @Test
  void should_create_the_application_keyspace_for_the_topology() {
    runner.withPropertyValues("ringlet.enabled=true", "spring.cassandra.keyspace-name=shop").run(context -> {
      CqlSession session = context.getBean(CqlSession.class);
      assertThat(session.getKeyspace()).hasValueSatisfying(k -> assertThat(k.asInternal()).isEqualTo("shop"));
      Row keyspace = session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'shop'").one();
      assertThat(keyspace.getMap("replication", String.class, String.class))
          .containsEntry("class", "org.apache.cassandra.locator.SimpleStrategy")
          .containsEntry("replication_factor", "1");
    });
  }

  @Test
  void should_leave_keyspace_creation_to_the_application_when_asked() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=no-keyspace",
        "spring.cassandra.keyspace-name=absent", "ringlet.keyspace.create=false").run(context -> {
          // Spring Boot's session is lazy: the first use fails, as against a real cluster.
          assertThatThrownBy(() -> context.getBean(CqlSession.class)).hasRootCauseMessage("Invalid keyspace absent");
        });
  }

  @Test
  void should_run_schema_scripts_from_the_classpath_and_files(@TempDir Path dir) throws IOException {
    Path extra = dir.resolve("extra.cql");
    Files.writeString(extra, "CREATE TABLE catalog.stock (sku text PRIMARY KEY, units int);\n"
        + "INSERT INTO catalog.stock (sku, units) VALUES ('a-1', 7);");
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=scripts",
        "spring.cassandra.keyspace-name=catalog",
        "ringlet.schema.locations=classpath:cql/catalog.cql,file:" + extra).run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          assertThat(session.execute("SELECT name FROM products WHERE sku = 'a-1'").one().getString("name"))
              .isEqualTo("bolts; 100 pieces");
          assertThat(session.execute("SELECT units FROM stock WHERE sku = 'a-1'").one().getInt("units")).isEqualTo(7);
          assertThat(session.getMetadata().getKeyspace("catalog").orElseThrow().getTable("prices")).isPresent();
        });
  }

  @Test
  void should_fail_the_context_with_the_script_and_statement_that_failed() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=broken",
        "spring.cassandra.keyspace-name=catalog", "ringlet.schema.locations=classpath:cql/broken.cql").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining("schema script classpath:cql/broken.cql: "
              + "Unknown type catalog.notatype (statement: CREATE TABLE catalog.broken (k int PRIMARY KEY, v notatype))");
        });
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.schema.locations=classpath:cql/missing.cql").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessage("ringlet.schema.locations: classpath:cql/missing.cql"
            + " does not exist (expected: a classpath: or file: location of a CQL script)"));
  }

  @Test
  void should_tune_the_driver_for_tests_unless_told_not_to() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.driver.schema-agreement-interval=7ms").run(context -> {
      assertThat(context).hasSingleBean(DriverConfigLoaderBuilderCustomizer.class);
      var profile = context.getBean(CqlSession.class).getContext().getConfig().getDefaultProfile();
      assertThat(profile.getDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW)).isEqualTo(Duration.ofMillis(1));
      assertThat(profile.getInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS)).isEqualTo(2);
      assertThat(profile.getDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW)).isEqualTo(Duration.ofMillis(1));
      assertThat(profile.getDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL)).isEqualTo(Duration.ofMillis(7));
      assertThat(profile.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD)).isEqualTo(10);
    });
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.driver.tune=false").run(context -> {
      assertThat(context).doesNotHaveBean(DriverConfigLoaderBuilderCustomizer.class);
      var profile = context.getBean(CqlSession.class).getContext().getConfig().getDefaultProfile();
      assertThat(profile.getDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW)).isEqualTo(Duration.ofSeconds(1));
    });
  }

  @Test
  void should_reset_the_application_keyspace_and_the_listed_ones() {
    runner.withPropertyValues("ringlet.enabled=true", "spring.cassandra.keyspace-name=Shop",
        "ringlet.reset.keyspaces=audit,\"Mixed\"").run(context ->
            assertThat(context.getBean(TestDataReset.class).keyspaces()).containsExactlyInAnyOrder("shop", "audit", "Mixed"));
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.reset.mode=none").run(context ->
        assertThat(context).doesNotHaveBean(TestDataReset.class));
  }

  @Test
  void should_empty_the_reset_keyspaces_through_the_engine() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=reset",
        "spring.cassandra.keyspace-name=catalog", "ringlet.schema.locations=classpath:cql/catalog.cql").run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          assertThat(session.execute("SELECT * FROM products").all()).hasSize(1);

          assertThat(context.getBean(TestDataReset.class).reset()).isEqualTo(2);

          assertThat(session.execute("SELECT * FROM products").all()).isEmpty();
        });
  }

  @Test
  void should_share_one_cluster_between_contexts_of_equal_configuration_and_stop_it_with_the_last() {
    ApplicationContextRunner enabled = runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=shared");
    int runningBefore = SharedClusters.jvmWide().runningCount();
    enabled.run(first -> {
      RingletCluster cluster = first.getBean(RingletCluster.class);
      enabled.run(second -> assertThat(second.getBean(RingletCluster.class)).isSameAs(cluster));
      // the second context has closed; the first one's cluster and session still work
      assertThat(first.getBean(CqlSession.class).execute("SELECT release_version FROM system.local").one()).isNotNull();
      enabled.withPropertyValues("ringlet.cluster-name=another").run(other ->
          assertThat(other.getBean(RingletCluster.class)).isNotSameAs(cluster));
      enabled.run(third -> assertThat(third.getBean(RingletCluster.class)).isSameAs(cluster));
    });
    assertThat(SharedClusters.jvmWide().runningCount()).isEqualTo(runningBefore);
  }

  @Test
  void should_keep_data_in_the_data_directory_across_cluster_restarts(@TempDir Path dir) {
    ApplicationContextRunner durable = runner.withPropertyValues("ringlet.enabled=true", "ringlet.cluster-name=durable",
        "ringlet.storage.mode=directory", "ringlet.storage.data-directory=" + dir, "ringlet.storage.commit-log-sync=batch",
        "spring.cassandra.keyspace-name=ledger", "ringlet.reset.mode=none");
    durable.run(context -> {
      CqlSession session = context.getBean(CqlSession.class);
      session.execute("CREATE TABLE payments (id int PRIMARY KEY, amount int)");
      session.execute("INSERT INTO payments (id, amount) VALUES (1, 100)");
    });
    // the last context closed, so the cluster stopped; this one starts a new cluster on the same directory
    durable.run(context -> assertThat(context.getBean(CqlSession.class)
        .execute("SELECT amount FROM payments WHERE id = 1").one().getInt("amount")).isEqualTo(100));
  }

  @Test
  void should_refuse_invalid_topology_and_storage_properties_before_starting() {
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.storage.mode=directory").run(context ->
        assertThat(context.getStartupFailure()).rootCause()
            .hasMessageStartingWith("ringlet.storage.data-directory: missing with ringlet.storage.mode=DIRECTORY"));
    runner.withPropertyValues("ringlet.enabled=true", "ringlet.nodes=0").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("nodes: 0 in datacenter datacenter1"));
  }
}
