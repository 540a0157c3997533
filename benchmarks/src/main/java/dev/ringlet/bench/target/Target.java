package dev.ringlet.bench.target;

import java.net.InetSocketAddress;
import java.util.List;

/** A running server the load program can drive; closing it stops what this program started. */
public interface Target extends AutoCloseable {

  TargetKind kind();

  List<InetSocketAddress> contactPoints();

  String localDatacenter();

  /** What the server received, for an in-JVM Ringlet; null for other targets. */
  default dev.ringlet.api.QueryLog queryLog() {
    return null;
  }

  /**
   * Empties every table of the keyspace without a client round trip, as the JUnit extension's
   * reset between tests does ({@code RingletCluster.truncate}), where this program can (an in-JVM
   * Ringlet).
   *
   * @return the number of tables emptied
   * @throws UnsupportedOperationException for a server in another process
   */
  default int truncateKeyspace(String keyspace) {
    throw new UnsupportedOperationException(kind() + ": no in-JVM reset (expected: the in-JVM ringlet target)");
  }

  /** Whether {@link #truncateKeyspace} works here. */
  default boolean truncatesItself() {
    return false;
  }

  /** Writes the server's memtables to SSTables, where this program can (a durable in-JVM Ringlet). */
  default void flush() {}

  @Override
  void close();
}
