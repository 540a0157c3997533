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

  /** Writes the server's memtables to SSTables, where this program can (a durable in-JVM Ringlet). */
  default void flush() {}

  @Override
  void close();
}
