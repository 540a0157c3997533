package dev.ringlet.spring.internal;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.CqlScript;
import dev.ringlet.api.RingletCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Prepares a cluster before the application connects: creates the application's keyspace and runs
 * the schema scripts, each once per cluster (see {@link SharedClusters.Lease#once}), through a
 * short-lived session of its own that is opened only if a step has to run. On a cluster that
 * authenticates clients that session logs in as the superuser, so scripts may create roles and grant
 * permissions.
 */
public final class SchemaSetup implements AutoCloseable {

  private final SharedClusters.Lease lease;
  private final ResourceLoader resources;
  private CqlSession session;

  public SchemaSetup(SharedClusters.Lease lease, ResourceLoader resources) {
    this.lease = lease;
    this.resources = resources;
  }

  /** Creates {@code keyspace} (a CQL name, as {@code spring.cassandra.keyspace-name}) if it does not exist. */
  public void createKeyspace(String keyspace, String replication) {
    String name = CqlIdentifier.fromCql(keyspace).asCql(true);
    String cql = "CREATE KEYSPACE IF NOT EXISTS " + name + " WITH replication = " + replication;
    lease.once(cql, () -> session().execute(cql));
  }

  /** Runs the script at {@code location} (a Spring resource location), statement by statement. */
  public void runScript(String location) {
    String script = read(location);
    lease.once("script " + location + " " + script.hashCode(), () -> {
      List<String> statements;
      try {
        statements = CqlScript.statements(script);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(location + ": " + e.getMessage(), e);
      }
      for (String statement : statements) {
        try {
          session().execute(statement);
        } catch (QueryValidationException e) {
          throw new IllegalStateException("schema script " + location + ": " + e.getMessage()
              + " (statement: " + statement + ")", e);
        }
      }
    });
  }

  private String read(String location) {
    Resource resource = resources.getResource(location);
    if (!resource.exists()) {
      throw new IllegalArgumentException("ringlet.schema.locations: " + location
          + " does not exist (expected: a classpath: or file: location of a CQL script)");
    }
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("ringlet.schema.locations: " + location + " could not be read", e);
    }
  }

  private CqlSession session() {
    if (session == null) {
      RingletCluster cluster = lease.cluster();
      CqlSessionBuilder builder = CqlSession.builder()
          .addContactPoints(cluster.contactPoints())
          .withLocalDatacenter(cluster.localDatacenter())
          .withConfigLoader(setUpConfig());
      if (lease.spec().clientEncryption() != null) {
        builder.withSslEngineFactory(new com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory(
            cluster.clientSslContext(), null, true));
      }
      if (lease.spec().authentication()) {
        // The superuser, whatever the application logs in as: scripts may create the application's roles.
        builder.withAuthCredentials(ClusterSpec.DEFAULT_SUPERUSER, ClusterSpec.DEFAULT_SUPERUSER_PASSWORD);
      }
      session = builder.build();
    }
    return session;
  }

  /**
   * No schema metadata (a DDL statement then waits only for agreement, not for the driver to
   * re-read system_schema), no warning when a script's USE switches keyspace, and a quick close.
   */
  private static DriverConfigLoader setUpConfig() {
    return DriverConfigLoader.programmaticBuilder()
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(5))
        .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 10)
        .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 10)
        .build();
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
  }
}
