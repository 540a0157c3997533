package dev.ringlet.spring.internal;

import dev.ringlet.testcontainers.RingletContainer;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for a {@link RingletContainer}: Spring Boot's Cassandra
 * auto-configuration connects to the container's mapped CQL port, in the container's datacenter,
 * and, when the container has {@link RingletContainer#withAuthentication() authentication} on, as
 * its superuser. Without authentication there are no credentials, as the node asks for none.
 *
 * <p>Registered in {@code META-INF/spring.factories}. The starter declares
 * {@code ringlet-testcontainers} and {@code spring-boot-testcontainers} optional: without
 * Spring Boot's Testcontainers support Spring never loads this class (its loader skips a factory
 * whose superclass is missing), and without Ringlet's container module the base class leaves the
 * factory out (the required class below).
 */
public final class RingletContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<RingletContainer, CassandraConnectionDetails> {

  /** Instantiated by Spring's factories loader. */
  public RingletContainerConnectionDetailsFactory() {
    super(ANY_CONNECTION_NAME, "dev.ringlet.testcontainers.RingletContainer");
  }

  @Override
  protected CassandraConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<RingletContainer> source) {
    return new Details(source);
  }

  /** Read from the started container when the session is built (the container starts first). */
  private static final class Details extends ContainerConnectionDetails<RingletContainer>
      implements CassandraConnectionDetails {

    Details(ContainerConnectionSource<RingletContainer> source) {
      super(source);
    }

    @Override
    public List<Node> getContactPoints() {
      InetSocketAddress contactPoint = getContainer().getContactPoint();
      return List.of(new Node(contactPoint.getHostString(), contactPoint.getPort()));
    }

    @Override
    public String getLocalDatacenter() {
      return getContainer().getLocalDatacenter();
    }

    @Override
    public String getUsername() {
      return getContainer().isAuthenticationEnabled() ? getContainer().getUsername() : null;
    }

    @Override
    public String getPassword() {
      return getContainer().isAuthenticationEnabled() ? getContainer().getPassword() : null;
    }

    @Override
    public SslBundle getSslBundle() {
      return super.getSslBundle();
    }
  }
}
