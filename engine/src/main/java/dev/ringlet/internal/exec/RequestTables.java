package dev.ringlet.internal.exec;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.WriteType;

/**
 * Where one request finds its tables: the node's own stores on a single node, or stores that
 * coordinate every read and write across the replicas at the request's consistency level.
 */
@FunctionalInterface
public interface RequestTables {

  /**
   * @param consistency the request's consistency level
   * @param writeType what kind of write this is, reported in WRITE_TIMEOUT (ignored by reads)
   */
  TableSource forRequest(ConsistencyLevel consistency, WriteType writeType);

  /** Every request sees the same source (one node). */
  static RequestTables of(TableSource source) {
    return (consistency, writeType) -> source;
  }
}
