package dev.ringlet.spring;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.spring.internal.ClusterSpecs;
import dev.ringlet.spring.internal.DriverTuning;
import dev.ringlet.spring.internal.Replication;
import dev.ringlet.spring.internal.RingletConnectionDetails;
import dev.ringlet.spring.internal.SchemaSetup;
import dev.ringlet.spring.internal.SharedClusters;
import dev.ringlet.spring.internal.TestDataReset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Starts a Ringlet cluster (shared with every other context asking for the same one) before Spring
 * Boot's Cassandra auto-configuration, and publishes it as the {@link CassandraConnectionDetails}
 * the application's session connects with. Active with {@code ringlet.enabled=true} or
 * {@link AutoConfigureRinglet}.
 *
 * <p>Beans: the {@link RingletCluster} (to inspect it or inject faults; the starter stops it, not
 * the context), the connection details (with {@code ringlet.authentication}, the credentials of
 * {@code spring.cassandra.username}/{@code password}, each defaulting to the superuser's), the driver tuning ({@code ringlet.driver.tune}) and the reset
 * after each test ({@code ringlet.reset.*}).
 */
@AutoConfiguration(before = CassandraAutoConfiguration.class)
@ConditionalOnClass({CqlSession.class, CassandraConnectionDetails.class})
@ConditionalOnBooleanProperty("ringlet.enabled")
@EnableConfigurationProperties(RingletProperties.class)
public class RingletAutoConfiguration {

  private static final String KEYSPACE_PROPERTY = "spring.cassandra.keyspace-name";

  /** This context's hold on the shared cluster, set up for it: released when the context closes. */
  @Bean(destroyMethod = "close")
  SharedClusters.Lease ringletClusterLease(RingletProperties properties, Environment environment,
      ResourceLoader resources) {
    ClusterSpec spec = ClusterSpecs.from(properties);
    String replication = Replication.forSpec(spec, properties.getKeyspace().getReplicationFactor());
    SharedClusters.Lease lease = SharedClusters.jvmWide().acquire(spec);
    try (SchemaSetup setup = new SchemaSetup(lease, resources)) {
      String keyspace = environment.getProperty(KEYSPACE_PROPERTY);
      if (keyspace != null && properties.getKeyspace().isCreate()) {
        setup.createKeyspace(keyspace, replication);
      }
      properties.getSchema().getLocations().forEach(setup::runScript);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
    return lease;
  }

  /** The running cluster. Not closed with the context: it may be shared with other cached contexts. */
  @Bean(destroyMethod = "")
  RingletCluster ringletCluster(SharedClusters.Lease ringletClusterLease) {
    return ringletClusterLease.cluster();
  }

  @Bean
  CassandraConnectionDetails ringletConnectionDetails(RingletCluster ringletCluster, RingletProperties properties,
      Environment environment) {
    RingletConnectionDetails details = new RingletConnectionDetails(ringletCluster, properties.isAuthentication(),
        environment.getProperty("spring.cassandra.username"), environment.getProperty("spring.cassandra.password"));
    return properties.isTls() ? details.withTls(ringletCluster) : details;
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "ringlet.driver.tune", matchIfMissing = true)
  DriverConfigLoaderBuilderCustomizer ringletDriverTuning(RingletProperties properties) {
    return new DriverTuning(properties.getDriver());
  }

  @Bean
  @ConditionalOnProperty(name = "ringlet.reset.mode", havingValue = "TRUNCATE", matchIfMissing = true)
  TestDataReset ringletTestDataReset(RingletCluster ringletCluster, RingletProperties properties,
      Environment environment) {
    Set<String> keyspaces = new LinkedHashSet<>();
    String keyspace = environment.getProperty(KEYSPACE_PROPERTY);
    if (keyspace != null) {
      keyspaces.add(CqlIdentifier.fromCql(keyspace).asInternal());
    }
    properties.getReset().getKeyspaces().forEach(k -> keyspaces.add(CqlIdentifier.fromCql(k).asInternal()));
    return new TestDataReset(ringletCluster, keyspaces);
  }
}
