package dev.ringlet.spring.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.testcontainers.RingletContainer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.data.cassandra.test.autoconfigure.DataCassandraTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code @ServiceConnection} on a Ringlet container that authenticates clients, in the
 * {@code @DataCassandraTest} slice: the session logs in as the container's superuser without any
 * {@code spring.cassandra.username}/{@code password}, which the node would otherwise refuse.
 */
@ExtendWith(ContainerEngine.class)
@Testcontainers
@DataCassandraTest(properties = {"spring.cassandra.keyspace-name=garage",
    "spring.cassandra.schema-action=CREATE_IF_NOT_EXISTS"})
class ServiceConnectionAuthenticationIT {

  @Container
  @ServiceConnection
  static RingletContainer ringlet = new RingletContainer(ContainerEngine.image())
      .withDatacenter("east")
      .withAuthentication()
      .withInitScript("container/garage.cql");

  @Autowired
  CarRepository cars;

  @Autowired
  CqlSession session;

  @Autowired
  CassandraConnectionDetails connectionDetails;

  @Test
  void should_log_in_with_the_containers_credentials() {
    assertThat(connectionDetails.getUsername()).isEqualTo(ringlet.getUsername());
    assertThat(connectionDetails.getPassword()).isEqualTo(ringlet.getPassword());

    cars.save(new Car("CD-456", "Model 3", Set.of("eve")));

    assertThat(cars.findById("CD-456")).hasValueSatisfying(car -> assertThat(car.model()).isEqualTo("Model 3"));
    // the session is authenticated as the superuser: it may read the roles table
    assertThat(session.execute("SELECT role FROM system_auth.roles WHERE role = 'cassandra'").one()).isNotNull();
  }
}
