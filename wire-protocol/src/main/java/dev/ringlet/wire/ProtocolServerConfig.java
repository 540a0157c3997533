package dev.ringlet.wire;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How a {@link ProtocolServer} listens. Validated once, here.
 *
 * @param address the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param maxFrameBytes the largest frame body accepted (Cassandra's
 *     {@code native_transport_max_frame_size}, 16 MiB by default); larger frames are refused
 *     without being allocated
 * @param cqlVersion the CQL version advertised in SUPPORTED (Cassandra 5.0: {@code 3.4.7})
 * @param maxPendingResponseBytes how many bytes of responses may wait on a client that does not
 *     read, before the server stops reading that client's requests (back-pressure)
 */
public record ProtocolServerConfig(
    InetAddress address, int port, int maxFrameBytes, String cqlVersion, int maxPendingResponseBytes) {

  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
  public static final String DEFAULT_CQL_VERSION = "3.4.7";
  public static final int DEFAULT_MAX_PENDING_RESPONSE_BYTES = 8 * 1024 * 1024;

  public ProtocolServerConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(cqlVersion, "cqlVersion");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: >= 1024)");
    }
    if (maxPendingResponseBytes < 1024) {
      throw new IllegalArgumentException(
          "maxPendingResponseBytes: " + maxPendingResponseBytes + " (expected: >= 1024)");
    }
  }

  /** Defaults: Cassandra's frame limit and CQL version, on the given address and port. */
  public static ProtocolServerConfig of(InetAddress address, int port) {
    return new ProtocolServerConfig(
        address, port, DEFAULT_MAX_FRAME_BYTES, DEFAULT_CQL_VERSION, DEFAULT_MAX_PENDING_RESPONSE_BYTES);
  }
}
