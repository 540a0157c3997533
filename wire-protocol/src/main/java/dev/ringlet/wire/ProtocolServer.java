package dev.ringlet.wire;

import com.datastax.oss.protocol.internal.Message;
import java.net.InetSocketAddress;

/** A running CQL native protocol server, started by {@link ProtocolServers#start}. */
public interface ProtocolServer extends AutoCloseable {

  /** The address and port actually bound. */
  InetSocketAddress localAddress();

  /**
   * Pushes an event ({@code SchemaChangeEvent}, {@code StatusChangeEvent} or
   * {@code TopologyChangeEvent}) to every connection that REGISTERed for its type.
   */
  void publish(Message event);

  /** Number of open client connections. */
  int connectionCount();

  /** Closes the listening socket and every connection, and waits for them to close. */
  @Override
  void close();
}
