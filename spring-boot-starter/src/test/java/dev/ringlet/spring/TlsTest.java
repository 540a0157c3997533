package dev.ringlet.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code ringlet.tls}: the cluster serves TLS only and Spring Boot's own session connects through the SslBundle. */
class TlsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RingletAutoConfiguration.class, CassandraAutoConfiguration.class))
      .withPropertyValues("ringlet.enabled=true");

  @Test
  void should_connect_spring_boots_session_over_tls_with_hostname_validation() {
    runner.withPropertyValues("ringlet.tls=true", "ringlet.nodes=2", "ringlet.cluster-name=tls",
        "spring.cassandra.keyspace-name=secure", "spring.cassandra.ssl.verify-hostname=true").run(context -> {
          RingletCluster cluster = context.getBean(RingletCluster.class);
          CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
          assertThat(details.getSslBundle()).isNotNull();
          assertThat(details.getSslBundle().createSslContext()).isSameAs(cluster.clientSslContext());

          // the keyspace was made by the starter's set-up session, over TLS too
          CqlSession session = context.getBean(CqlSession.class);
          session.execute("CREATE TABLE t (k int PRIMARY KEY, v text)");
          session.execute("INSERT INTO t (k, v) VALUES (1, 'tls')");
          assertThat(session.execute("SELECT v FROM t WHERE k = 1").one().getString(0)).isEqualTo("tls");

          // and the cluster really serves TLS only: it takes a plain connection and resets it, as 5.0 does
          assertThatThrownBy(() -> CqlSession.builder().addContactPoints(cluster.contactPoints())
              .withLocalDatacenter(cluster.localDatacenter()).build())
              .isInstanceOf(AllNodesFailedException.class)
              .hasMessageContaining("Unexpected error on channel");
        });
  }

  @Test
  void should_publish_no_ssl_bundle_without_tls() {
    runner.withPropertyValues("ringlet.cluster-name=plain").run(context -> {
      assertThat(context.getBean(CassandraConnectionDetails.class).getSslBundle()).isNull();
      assertThat(context.getBean(RingletCluster.class).contactPoints()).hasSize(1);
    });
  }

  @Test
  void should_map_the_property_to_a_self_signed_client_encryption() {
    RingletProperties properties = new RingletProperties();
    properties.setTls(true);
    assertThat(dev.ringlet.spring.internal.ClusterSpecs.from(properties).clientEncryption())
        .isEqualTo(ClientEncryption.selfSigned());
  }
}
