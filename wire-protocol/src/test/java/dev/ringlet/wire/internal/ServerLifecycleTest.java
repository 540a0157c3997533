package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

  @Test
  void should_serve_two_servers_when_they_share_resources() {
    try (WireResources resources = WireResources.create(1);
        ServerFixture first = new ServerFixture(resources);
        ServerFixture second = new ServerFixture(resources);
        RawClient a = first.ready(4);
        RawClient b = second.ready(4)) {
      assertThat(a.request(4, 1, new Query("SELECT 1"))).isInstanceOf(Void.class);
      assertThat(b.request(4, 1, new Query("SELECT 1"))).isInstanceOf(Void.class);
      assertThat(first.processor.opened).hasSize(1);
      assertThat(second.processor.opened).hasSize(1);
    }
  }

  @Test
  void should_run_on_threads_named_ringlet_io_when_serving() throws Exception {
    try (WireResources resources = WireResources.create(1)) {
      CompletableFuture<String> threadName = new CompletableFuture<>();
      ProtocolServer server =
          ProtocolServers.start(
              ProtocolServerConfig.of(InetAddress.getLoopbackAddress(), 0),
              connection -> {
                threadName.complete(Thread.currentThread().getName());
                return request -> CompletableFuture.completedFuture(null);
              },
              resources);
      try (RawClient client = RawClient.connect(server.localAddress())) {
        client.startup(4, null);
      } finally {
        server.close();
      }
      assertThat(threadName.get()).startsWith("ringlet-io-");
    }
  }

  @Test
  void should_close_connections_and_call_closed_when_server_closes() {
    try (WireResources resources = WireResources.create(1)) {
      ServerFixture fixture = new ServerFixture(resources);
      try (RawClient client = fixture.ready(4)) {
        Poll.until("one connection", () -> fixture.server.connectionCount() == 1);

        fixture.close();

        assertThat(client.isClosedByServer()).isTrue();
        assertThat(fixture.server.connectionCount()).isZero();
        Poll.until("handler told of the close", () -> fixture.processor.closed.get() == 1);
      }
    }
  }

  @Test
  void should_throw_unchecked_io_exception_when_port_is_taken() {
    try (WireResources resources = WireResources.create(1);
        ServerFixture taken = new ServerFixture(resources)) {
      ProtocolServerConfig samePort =
          ProtocolServerConfig.of(InetAddress.getLoopbackAddress(), taken.server.localAddress().getPort());

      assertThatThrownBy(() -> ProtocolServers.start(samePort, taken.processor, resources))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(samePort.port()));
    }
  }
}
