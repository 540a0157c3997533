package dev.ringlet.spring.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.testcontainers.RingletContainer;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code @ServiceConnection} on a Ringlet container: the application sets no contact point,
 * datacenter or port, and Spring Boot's session reaches the container (in datacenter "east", which
 * only the container knows), not an in-JVM cluster of the starter.
 */
@ExtendWith(ContainerEngine.class)
@Testcontainers
@SpringBootTest(properties = {"spring.cassandra.keyspace-name=garage",
    "spring.cassandra.schema-action=CREATE_IF_NOT_EXISTS"})
class ServiceConnectionIT {

  @Container
  @ServiceConnection
  static RingletContainer ringlet = new RingletContainer(ContainerEngine.image())
      .withDatacenter("east")
      .withInitScript("container/garage.cql");

  @Autowired
  CarRepository cars;

  @Autowired
  CqlSession session;

  @Autowired
  CassandraConnectionDetails connectionDetails;

  @Autowired
  ApplicationContext context;

  @Test
  void should_connect_spring_data_to_the_container() {
    cars.save(new Car("AB-123", "Zoe", Set.of("ada", "bob")));

    assertThat(cars.findById("AB-123")).hasValueSatisfying(car -> {
      assertThat(car.model()).isEqualTo("Zoe");
      assertThat(car.owners()).containsExactlyInAnyOrder("ada", "bob");
    });
  }

  @Test
  void should_take_the_contact_point_and_datacenter_from_the_container_only() {
    InetSocketAddress mapped = ringlet.getContactPoint();
    assertThat(connectionDetails.getContactPoints())
        .singleElement()
        .satisfies(node -> {
          assertThat(node.host()).isEqualTo(mapped.getHostString());
          assertThat(node.port()).isEqualTo(mapped.getPort());
        });
    assertThat(connectionDetails.getLocalDatacenter()).isEqualTo("east");
    assertThat(connectionDetails.getUsername()).isNull();
    assertThat(connectionDetails.getPassword()).isNull();

    assertThat(session.getMetadata().getNodes().values()).singleElement()
        .extracting(Node::getDatacenter).isEqualTo("east");
    assertThat(session.execute("SELECT data_center FROM system.local").one().getString(0)).isEqualTo("east");
    // the starter's own cluster stays off: ringlet.enabled is not set
    assertThat(context.getBeanProvider(RingletCluster.class).getIfAvailable()).isNull();
  }
}
