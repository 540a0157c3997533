package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.internal.core.channel.DriverChannel;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.internal.core.control.ControlConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The driver defect of {@link DriverSchemaRefreshStallTest}, against a real Cassandra 5.0 (the reference one of
 * /work/shared/reference-cassandra, or any single node with JMX open on localhost). On demand only: {@code ./mvnw
 * -o -q test -pl wire-protocol,engine -Dtest=DriverSchemaRefreshStallReferenceProbe
 * -Dsurefire.failIfNoSpecifiedTests=false -Drefcass.port=9142 -Drefcass.jmx.port=7299}. Stopping the node's
 * native transport over JMX ({@code nodetool disablebinary}) closes the driver's control connection as a stopping
 * node does; a schema refresh meanwhile fails, and once the transport is back, a DDL is applied by Cassandra but
 * its driver call ends with the request timeout.
 */
class DriverSchemaRefreshStallReferenceProbe {

  @Test
  void should_stall_later_ddl_against_cassandra_too() throws Exception {
    InetSocketAddress cql = new InetSocketAddress("127.0.0.1", Integer.getInteger("refcass.port", 9142));
    JMXServiceURL jmx = new JMXServiceURL(
        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + Integer.getInteger("refcass.jmx.port", 7299) + "/jmxrmi");
    ObjectName storageService = new ObjectName("org.apache.cassandra.db:type=StorageService");
    String table = "t" + System.currentTimeMillis();
    try (JMXConnector connector = JMXConnectorFactory.connect(jmx);
        CqlSession session = CqlSession.builder().addContactPoint(cql).withLocalDatacenter("datacenter1")
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(100))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(200))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .build()).build()) {
      MBeanServerConnection mbeans = connector.getMBeanServerConnection();
      session.execute("CREATE KEYSPACE IF NOT EXISTS stall_probe WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
      ControlConnection control = ((InternalDriverContext) session.getContext()).getControlConnection();
      DriverChannel firstChannel = control.channel();

      // Given the node's client transport stops (its connections close) and a schema refresh runs meanwhile
      mbeans.invoke(storageService, "stopNativeTransport", new Object[] {true}, new String[] {"boolean"});
      Await.until(() -> firstChannel.closeFuture().isDone());
      assertThatThrownBy(() -> session.refreshSchemaAsync().toCompletableFuture().get())
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("Control channel not available, aborting schema refresh");

      // When the transport is back and the driver has re-opened its control connection
      mbeans.invoke(storageService, "startNativeTransport", new Object[0], new String[0]);
      Await.until(() -> control.channel() != firstChannel && !control.channel().closeFuture().isDone());
      Await.until(() -> session.getMetadata().getNodes().values().stream()
          .allMatch(n -> n.getOpenConnections() > 0));

      // Then a DDL is applied by Cassandra, yet the driver's call ends only with its request timeout
      SimpleStatement ddl = SimpleStatement.newInstance("CREATE TABLE stall_probe." + table + " (k int PRIMARY KEY)")
          .setTimeout(Duration.ofSeconds(3));
      assertThatThrownBy(() -> session.execute(ddl)).isInstanceOf(DriverTimeoutException.class);
      assertThat(session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'stall_probe' "
          + "AND table_name = '" + table + "'").all()).hasSize(1);
    }
  }
}
