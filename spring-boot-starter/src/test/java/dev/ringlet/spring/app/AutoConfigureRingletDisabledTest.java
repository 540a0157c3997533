package dev.ringlet.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.RingletCluster;
import dev.ringlet.spring.AutoConfigureRinglet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@code @AutoConfigureRinglet(enabled = false)} leaves the application's own Cassandra settings alone. */
@SpringBootTest(classes = AutoConfigureRingletDisabledTest.CassandraOnly.class,
    properties = {"spring.cassandra.contact-points=db.example.com:9142", "spring.cassandra.local-datacenter=dc9"})
@AutoConfigureRinglet(enabled = false)
class AutoConfigureRingletDisabledTest {

  @Autowired
  ApplicationContext context;

  /** Spring Boot's Cassandra auto-configuration alone: its session is lazy, so nothing connects. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(CassandraAutoConfiguration.class)
  static class CassandraOnly {
  }

  @Test
  void should_start_no_cluster() {
    assertThat(context.getBeanProvider(RingletCluster.class).getIfAvailable()).isNull();
    CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
    assertThat(details.getLocalDatacenter()).isEqualTo("dc9");
    assertThat(details.getContactPoints()).containsExactly(new CassandraConnectionDetails.Node("db.example.com", 9142));
  }
}
