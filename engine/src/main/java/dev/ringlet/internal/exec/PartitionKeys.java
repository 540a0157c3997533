package dev.ringlet.internal.exec;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and splits serialized partition keys: one column's value as is, several as Cassandra's
 * composite ({@code [2-byte length][bytes][0]} per component, built by the partitioner).
 */
public final class PartitionKeys {

  private PartitionKeys() {}

  public static DecoratedKey decorate(TableMetadata table, List<ByteBuffer> components) {
    ByteBuffer key = table.partitionKey().size() == 1
        ? components.get(0).duplicate()
        : Murmur3Partitioner.compositeKey(components);
    return new DecoratedKey(Murmur3Partitioner.token(key), key);
  }

  /** The components of a serialized key, one per partition key column. */
  public static List<ByteBuffer> split(TableMetadata table, ByteBuffer key) {
    if (table.partitionKey().size() == 1) {
      return List.of(key.duplicate());
    }
    List<ByteBuffer> parts = new ArrayList<>(table.partitionKey().size());
    ByteBuffer b = key.duplicate();
    while (b.remaining() > 0) {
      int len = b.getShort() & 0xFFFF;
      ByteBuffer part = b.slice();
      part.limit(len);
      parts.add(part);
      b.position(b.position() + len + 1);
    }
    return parts;
  }
}
