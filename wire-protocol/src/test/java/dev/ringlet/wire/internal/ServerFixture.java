package dev.ringlet.wire.internal;

import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.util.UUID;

/** A started server on a free loopback port with a {@link FakeProcessor}. */
final class ServerFixture implements AutoCloseable {

  static final UUID TRACING_ID = UUID.fromString("6e3d0c6a-1b2f-4b8e-9a3c-000000000001");

  final FakeProcessor processor = new FakeProcessor();
  final NettyProtocolServer server;

  ServerFixture(WireResources resources) {
    this(resources, config(ProtocolServerConfig.DEFAULT_MAX_FRAME_BYTES,
        ProtocolServerConfig.DEFAULT_MAX_PENDING_RESPONSE_BYTES));
  }

  ServerFixture(WireResources resources, ProtocolServerConfig config) {
    server = NettyProtocolServer.start(config, processor, resources, () -> TRACING_ID);
  }

  static ProtocolServerConfig config(int maxFrameBytes, int maxPendingResponseBytes) {
    return new ProtocolServerConfig(
        InetAddress.getLoopbackAddress(), 0, maxFrameBytes, "3.4.7", maxPendingResponseBytes);
  }

  RawClient connect() {
    return RawClient.connect(server.localAddress());
  }

  /** A client past STARTUP at the given version, without compression. */
  RawClient ready(int version) {
    RawClient client = connect();
    client.startup(version, null);
    return client;
  }

  @Override
  public void close() {
    server.close();
  }
}
