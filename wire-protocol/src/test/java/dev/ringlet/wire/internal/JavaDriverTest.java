package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The real Java driver 4.x against the server: it must step down from v5 to v4 quietly. */
class JavaDriverTest {

  private final ListAppender<ILoggingEvent> driverLogs = new ListAppender<>();
  private Logger driverLogger;

  @BeforeEach
  void captureDriverLogs() {
    driverLogger = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");
    driverLogs.start();
    driverLogger.addAppender(driverLogs);
  }

  @AfterEach
  void releaseDriverLogs() {
    driverLogger.detachAppender(driverLogs);
  }

  private static java.net.InetSocketAddress advertise(
      SystemTablesProcessor processor, ProtocolServer server) {
    processor.advertisePort(server.localAddress().getPort());
    return server.localAddress();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "lz4", "snappy"})
  void should_negotiate_v4_without_warnings_when_driver_starts_at_v5(String compression) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    SystemTablesProcessor processor = new SystemTablesProcessor(loopback);
    try (WireResources resources = WireResources.create(1);
        ProtocolServer server =
            ProtocolServers.start(ProtocolServerConfig.of(loopback, 0), processor, resources);
        CqlSession session =
            CqlSession.builder()
                .addContactPoint(advertise(processor, server))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(
                    DriverConfigLoader.programmaticBuilder()
                        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                        .withString(DefaultDriverOption.PROTOCOL_COMPRESSION, compression)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
                        .build())
                .build()) {

      session.execute("INSERT INTO ks.t (k) VALUES (1)");

      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
      assertThat(driverLogs.list)
          .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .isEmpty();
    }
  }
}
