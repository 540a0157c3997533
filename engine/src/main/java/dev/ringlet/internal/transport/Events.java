package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.response.event.SchemaChangeEvent;
import dev.ringlet.internal.exec.Result;

/** Engine happenings as protocol EVENT messages. */
public final class Events {

  private Events() {}

  /** STATUS_CHANGE: the node whose native address is {@code node} went UP or DOWN. */
  public static Message statusChange(boolean up, java.net.InetSocketAddress node) {
    return new com.datastax.oss.protocol.internal.response.event.StatusChangeEvent(up ? "UP" : "DOWN", node);
  }

  /** TOPOLOGY_CHANGE: a node joined ({@code NEW_NODE}) or left ({@code REMOVED_NODE}) the ring. */
  public static Message topologyChange(boolean added, java.net.InetSocketAddress node) {
    return new com.datastax.oss.protocol.internal.response.event.TopologyChangeEvent(added ? "NEW_NODE" : "REMOVED_NODE", node);
  }

  public static Message schemaChange(Result.SchemaChange change) {
    return new SchemaChangeEvent(change.change(), change.target(), change.keyspace(), change.name(), change.argumentTypes());
  }
}
