package dev.ringlet.internal.node;

import dev.ringlet.api.RingletNode;
import dev.ringlet.api.TableStatistics;
import java.net.InetSocketAddress;
import java.util.UUID;

/** The part of a node handle that only reads or operates the node itself, shared by every kind of cluster. */
interface NodeView extends RingletNode {

  Node node();

  @Override
  default InetSocketAddress nativeAddress() {
    return node().nativeAddress();
  }

  @Override
  default String datacenter() {
    return node().config().datacenter();
  }

  @Override
  default String rack() {
    return node().config().rack();
  }

  @Override
  default UUID hostId() {
    return node().config().hostId();
  }

  @Override
  default boolean isRunning() {
    return node().isRunning();
  }

  @Override
  default void flush() {
    node().storage().flush();
  }

  @Override
  default void compact() {
    node().storage().compact();
  }

  @Override
  default int snapshot(String tag) {
    return node().storage().snapshot(tag);
  }

  @Override
  default int restoreSnapshot(String tag) {
    return node().storage().restoreSnapshot(tag);
  }

  @Override
  default void failCommitLogWrites(String message) {
    node().disk("failCommitLogWrites").failCommitLogWrites(message);
  }

  @Override
  default void failDataWrites(String message) {
    node().disk("failDataWrites").failDataWrites(message);
  }

  @Override
  default void clearDiskFailures() {
    node().storage().config().disk().clear();
  }

  @Override
  default TableStatistics tableStats(String keyspace, String table) {
    return node().tableStatistics(keyspace, table);
  }
}
