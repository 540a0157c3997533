package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The real Java driver 4.x against the server: it negotiates v5 (segments, lz4) quietly, steps down
 * when told to, and is refused snappy at v5 as Cassandra 5.0 refuses it.
 */
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
  @ValueSource(strings = {"none", "lz4"})
  void should_negotiate_v5_without_warnings(String compression) {
    assertNegotiates(compression, null, DefaultProtocolVersion.V5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "lz4", "snappy"})
  void should_speak_v4_and_v3_when_the_driver_is_pinned_to_them(String compression) {
    assertNegotiates(compression, "V4", DefaultProtocolVersion.V4);
    assertNegotiates(compression, "V3", DefaultProtocolVersion.V3);
  }

  @Test
  void should_refuse_snappy_at_v5_as_cassandra_does() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    SystemTablesProcessor processor = new SystemTablesProcessor(loopback);
    try (WireResources resources = WireResources.create(1);
        ProtocolServer server =
            ProtocolServers.start(ProtocolServerConfig.of(loopback, 0), processor, resources)) {
      assertThatThrownBy(() -> session(processor, server, "snappy", null).close())
          .isInstanceOf(AllNodesFailedException.class)
          .hasStackTraceContaining("Snappy compression is not supported in protocol V5");
    }
  }

  private void assertNegotiates(String compression, String pinned, DefaultProtocolVersion expected) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    SystemTablesProcessor processor = new SystemTablesProcessor(loopback);
    try (WireResources resources = WireResources.create(1);
        ProtocolServer server =
            ProtocolServers.start(ProtocolServerConfig.of(loopback, 0), processor, resources);
        CqlSession session = session(processor, server, compression, pinned)) {

      session.execute("INSERT INTO ks.t (k) VALUES (1)");

      assertThat(session.getContext().getProtocolVersion()).isEqualTo(expected);
      assertThat(driverLogs.list)
          .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .isEmpty();
    }
  }

  private static CqlSession session(
      SystemTablesProcessor processor, ProtocolServer server, String compression, String pinned) {
    ProgrammaticDriverConfigLoaderBuilder config =
        DriverConfigLoader.programmaticBuilder()
            .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
            .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
            .withString(DefaultDriverOption.PROTOCOL_COMPRESSION, compression)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5));
    if (pinned != null) {
      config = config.withString(DefaultDriverOption.PROTOCOL_VERSION, pinned);
    }
    return CqlSession.builder()
        .addContactPoint(advertise(processor, server))
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(config.build())
        .build();
  }
}
