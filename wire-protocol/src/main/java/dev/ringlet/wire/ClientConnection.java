package dev.ringlet.wire;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What the server knows of one client connection once STARTUP is accepted.
 *
 * @param id a number unique within the server, for logs and query logs
 * @param remoteAddress the client's address
 * @param localAddress the address the client connected to
 * @param protocolVersion the negotiated protocol version (3, 4 or 5)
 * @param startupOptions the STARTUP options (CQL_VERSION, COMPRESSION, DRIVER_NAME, ...)
 */
public record ClientConnection(
    long id,
    InetSocketAddress remoteAddress,
    InetSocketAddress localAddress,
    int protocolVersion,
    Map<String, String> startupOptions) {

  public ClientConnection {
    startupOptions = Map.copyOf(startupOptions);
  }
}
