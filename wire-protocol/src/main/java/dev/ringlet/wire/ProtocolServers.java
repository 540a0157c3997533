package dev.ringlet.wire;

/** Starts protocol servers. */
public final class ProtocolServers {

  private ProtocolServers() {}

  /**
   * Loads and initialises, once per JVM, what binding a first server needs (the uncompressed frame
   * codecs, the server bootstrap and channel, the buffer allocator; the lz4 and snappy codecs are
   * made when a connection first negotiates them), so that a caller
   * can pay for it on another thread while it prepares the rest of its start. Optional: {@link #start}
   * does the same work when it has not been done. Binds nothing.
   */
  public static void prepare() {
    dev.ringlet.wire.internal.NettyProtocolServer.prepare();
  }

  /**
   * Binds a server and returns once it accepts connections.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static ProtocolServer start(
      ProtocolServerConfig config, RequestProcessor processor, WireResources resources) {
    return dev.ringlet.wire.internal.NettyProtocolServer.start(config, processor, resources);
  }

  /**
   * Binds a server whose clients connect over TLS (only, or also in plain text when
   * {@link ClientTls#optional()}) and returns once it accepts connections.
   *
   * @param tls the TLS settings, or null for plain connections only
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static ProtocolServer start(
      ProtocolServerConfig config, ClientTls tls, RequestProcessor processor, WireResources resources) {
    return dev.ringlet.wire.internal.NettyProtocolServer.start(config, tls, processor, resources);
  }
}
