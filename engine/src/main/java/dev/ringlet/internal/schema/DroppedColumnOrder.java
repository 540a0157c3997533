package dev.ringlet.internal.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * Ringlet keeps the columns in an insertion-ordered map and recomputes that order at each rebuild
 * with the same {@code ByteBuffer} hash and a model of JDK 17's {@code HashMap} (Cassandra 5.0 runs
 * on 11 or 17): JDK 19 sizes a map filled by {@code putAll} differently (JDK-8281631), so Ringlet on
 * a newer JDK must not use its own {@code HashMap} for this.
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
    Jdk17HashMap cassandraOrder = new Jdk17HashMap();
    cassandraOrder.sizeForPutAll(previous.size());
    for (DroppedColumn d : previous.values()) {
      cassandraOrder.put(key(d.name()), d);
    }
    for (DroppedColumn d : added) {
      cassandraOrder.put(key(d.name()), d);
    }
    Map<String, DroppedColumn> out = new LinkedHashMap<>();
    for (DroppedColumn d : cassandraOrder.values()) {
      out.put(d.name(), d);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The dropped columns as 5.0 orders them when it loads a table from {@code system_schema} (a
   * restart; also how a peer applying the schema change would load it): {@code fetchDroppedColumns}
   * puts the rows, in clustering order (the names' UTF-8 bytes, unsigned), into a new
   * {@code HashMap}, which the table's builder copies with {@code putAll} into another new one.
   */
  public static Map<String, DroppedColumn> loaded(java.util.Collection<DroppedColumn> columns) {
    if (columns.isEmpty()) {
      return Map.of();
    }
    List<DroppedColumn> rows = new ArrayList<>(columns);
    rows.sort((a, b) -> java.util.Arrays.compareUnsigned(a.name().getBytes(StandardCharsets.UTF_8),
        b.name().getBytes(StandardCharsets.UTF_8)));
    Jdk17HashMap fetched = new Jdk17HashMap();
    for (DroppedColumn d : rows) {
      fetched.put(key(d.name()), d);
    }
    return rebuilt(ordered(fetched.values()), List.of());
  }

  /**
   * A schema received from another node, with the dropped columns in the order a 5.0 node that
   * received it would keep them. 5.0's peers do not take the coordinator's tables: they apply the
   * pushed {@code system_schema} mutations and fetch every table of each keyspace those mutations
   * touch back from {@code system_schema} ({@code DefaultSchemaUpdateHandler.applyMutations}), so
   * those tables have the {@link #loaded} order; the other keyspaces stay as the node had them.
   * Ringlet takes the keyspaces whose definition differs from the node's own as the touched ones,
   * for a push and for a pull alike (a node pulls as soon as gossip shows a newer schema, which can
   * overtake the push; 5.0 pulls only when versions still differ later, and then fetches every
   * keyspace: a node that missed changes while down may keep its own order of an unchanged table
   * where 5.0 would reload it).
   *
   * @param before the receiving node's schema
   * @param received the schema it installs (its version is kept)
   */
  public static Schema asFetched(Schema before, Schema received) {
    Schema out = received;
    for (KeyspaceMetadata ks : received.keyspaces().values()) {
      KeyspaceMetadata own = before.keyspace(ks.name());
      if (ks.equals(own)) {
        if (own != ks) {
          out = out.with(own, received.version()); // untouched: this node keeps its own tables and their order
        }
        continue;
      }
      Map<String, TableMetadata> tables = new LinkedHashMap<>(ks.tables());
      boolean reordered = false;
      for (TableMetadata t : ks.tables().values()) {
        if (t.droppedColumns().size() < 2 || t.isView()) {
          continue; // one column has one order; views have none
        }
        Map<String, DroppedColumn> order = loaded(t.droppedColumns().values());
        if (!new ArrayList<>(order.keySet()).equals(new ArrayList<>(t.droppedColumns().keySet()))) {
          tables.put(t.name(), t.withDroppedColumns(order));
          reordered = true;
        }
      }
      if (reordered) {
        out = out.with(new KeyspaceMetadata(ks.name(), ks.durableWrites(), ks.replication(), tables, ks.types(),
            ks.virtual(), ks.functions(), ks.leftoverMasks()), received.version());
      }
    }
    return out;
  }

  private static Map<String, DroppedColumn> ordered(List<DroppedColumn> columns) {
    Map<String, DroppedColumn> out = new LinkedHashMap<>();
    for (DroppedColumn d : columns) {
      out.put(d.name(), d);
    }
    return out;
  }

  /**
   * The iteration order of JDK 17's {@code HashMap} with the default load factor: buckets by index,
   * each in insertion order, a key put again keeping its place, tables doubled when the size passes
   * the threshold with each bucket split in order. (Buckets of 8 or more colliding keys, which JDK
   * turns into trees, are not modelled: a table's dropped columns never come near that.)
   */
  private static final class Jdk17HashMap {
    private List<List<Map.Entry<ByteBuffer, DroppedColumn>>> table;
    private int threshold;
    private int size;

    /** What {@code putAll} of {@code entries} into an empty map does first (JDK 17's sizing). */
    void sizeForPutAll(int entries) {
      if (entries > 0) {
        float ft = ((float) entries / 0.75f) + 1.0f;
        int t = (int) ft;
        if (t > threshold) {
          threshold = tableSizeFor(t);
        }
      }
    }

    void put(ByteBuffer key, DroppedColumn value) {
      if (table == null) {
        resize();
      }
      int hash = spread(key.hashCode());
      List<Map.Entry<ByteBuffer, DroppedColumn>> bucket = table.get((table.size() - 1) & hash);
      for (Map.Entry<ByteBuffer, DroppedColumn> e : bucket) {
        if (e.getKey().equals(key)) {
          e.setValue(value);
          return;
        }
      }
      bucket.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
      if (++size > threshold) {
        resize();
      }
    }

    List<DroppedColumn> values() {
      List<DroppedColumn> out = new ArrayList<>(size);
      if (table != null) {
        for (List<Map.Entry<ByteBuffer, DroppedColumn>> bucket : table) {
          for (Map.Entry<ByteBuffer, DroppedColumn> e : bucket) {
            out.add(e.getValue());
          }
        }
      }
      return out;
    }

    private void resize() {
      int oldCap = table == null ? 0 : table.size();
      int oldThr = threshold;
      int newCap;
      int newThr = 0;
      if (oldCap > 0) {
        newCap = oldCap << 1;
        if (oldCap >= 16) {
          newThr = oldThr << 1;
        }
      } else if (oldThr > 0) {
        newCap = oldThr;
      } else {
        newCap = 16;
        newThr = 12;
      }
      if (newThr == 0) {
        newThr = (int) (newCap * 0.75f);
      }
      List<List<Map.Entry<ByteBuffer, DroppedColumn>>> grown = new ArrayList<>(newCap);
      for (int i = 0; i < newCap; i++) {
        grown.add(new ArrayList<>(1));
      }
      if (table != null) {
        for (int j = 0; j < oldCap; j++) {
          for (Map.Entry<ByteBuffer, DroppedColumn> e : table.get(j)) {
            boolean low = (spread(e.getKey().hashCode()) & oldCap) == 0;
            grown.get(low ? j : j + oldCap).add(e);
          }
        }
      }
      table = grown;
      threshold = newThr;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }

    private static int tableSizeFor(int cap) {
      int n = -1 >>> Integer.numberOfLeadingZeros(cap - 1);
      return n < 0 ? 1 : n + 1;
    }
  }

  private static ByteBuffer key(String name) {
    return ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8));
  }
}
