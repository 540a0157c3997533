package dev.ringlet.internal.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Cassandra 5.0 lists a table's dropped columns (DESCRIBE ... WITH INTERNALS
 * prints them, and their {@code ALTER TABLE ... DROP} lines, in this order).
 *
 * <p>Cassandra keeps them in a {@code HashMap} keyed by the column name's UTF-8 bytes, copied into a
 * fresh map each time the table's metadata is rebuilt (every ALTER TABLE, CREATE/DROP INDEX), and
 * iterates that map. Its order therefore depends on the map's capacity at the last rebuild: a map
 * copied with {@code putAll} is sized for the entries it copies, and grows when a drop adds one.
 * Ringlet keeps the columns in an insertion-ordered map and recomputes that order the same way, with
 * the same JDK map and the same {@code ByteBuffer} hash, at each rebuild.
 */
public final class DroppedColumnOrder {

  private DroppedColumnOrder() {}

  /**
   * The dropped columns after a rebuild of the table: the previous ones (in their order) copied into
   * a fresh map, then {@code added} put in turn (a column dropped again replaces its record in place).
   */
  public static Map<String, DroppedColumn> rebuilt(Map<String, DroppedColumn> previous, List<DroppedColumn> added) {
    if (previous.isEmpty() && added.isEmpty()) {
      return Map.of();
    }
    Map<ByteBuffer, DroppedColumn> cassandraOrder = new HashMap<>();
    Map<ByteBuffer, DroppedColumn> copy = new LinkedHashMap<>();
    for (DroppedColumn d : previous.values()) {
      copy.put(key(d.name()), d);
    }
    cassandraOrder.putAll(copy);
    for (DroppedColumn d : added) {
      cassandraOrder.put(key(d.name()), d);
    }
    Map<String, DroppedColumn> out = new LinkedHashMap<>();
    for (DroppedColumn d : cassandraOrder.values()) {
      out.put(d.name(), d);
    }
    return Collections.unmodifiableMap(out);
  }

  private static ByteBuffer key(String name) {
    return ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8));
  }
}
