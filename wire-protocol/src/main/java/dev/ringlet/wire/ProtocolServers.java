package dev.ringlet.wire;

/** Starts protocol servers. */
public final class ProtocolServers {

  private ProtocolServers() {}

  /**
   * Binds a server and returns once it accepts connections.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static ProtocolServer start(
      ProtocolServerConfig config, RequestProcessor processor, WireResources resources) {
    return dev.ringlet.wire.internal.NettyProtocolServer.start(config, processor, resources);
  }
}
