package dev.ringlet.internal.exec;

import java.nio.ByteBuffer;
import java.util.List;

/** What executing a statement produces. */
public sealed interface Result {

  /** Warnings to send with the result (protocol v4+). */
  default List<String> warnings() {
    return List.of();
  }

  /** Rows: metadata, values (null for null), and where the next page starts (null when last). */
  record Rows(List<ColumnSpec> columns, List<List<ByteBuffer>> rows, ByteBuffer pagingState, List<String> warnings)
      implements Result {}

  record Void(List<String> warnings) implements Result {
    public Void() {
      this(List.of());
    }
  }

  record SetKeyspace(String keyspace) implements Result {}

  /**
   * A schema change: {@code change} CREATED/UPDATED/DROPPED, {@code target} KEYSPACE/TABLE/TYPE/
   * FUNCTION/AGGREGATE, {@code name} null for a keyspace.
   */
  record SchemaChange(String change, String target, String keyspace, String name, List<String> argumentTypes,
      List<String> warnings) implements Result {
    public SchemaChange(String change, String target, String keyspace, String name, List<String> argumentTypes) {
      this(change, target, keyspace, name, argumentTypes, List.of());
    }
  }

  /**
   * A prepared statement: its id, bound variables, the indexes of the partition key among them
   * (for token-aware routing), and the result columns (empty when it returns none).
   */
  record Prepared(byte[] id, List<ColumnSpec> variables, int[] partitionKeyIndexes, List<ColumnSpec> resultColumns)
      implements Result {}
}
