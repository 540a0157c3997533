package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One keyspace's partitions of a generated {@code system_schema}/{@code system_virtual_schema}
 * table, and the metadata they were generated from.
 *
 * <p>Rows are kept in groups: the rows of a partition that share the value of the table's first
 * clustering column, that is the rows that describe one table ({@code columns}, {@code tables},
 * {@code indexes}, ...), one type, one function or one view. When the keyspace changes, its rows
 * are generated again as values, and a group whose values equal those of the previous generation
 * keeps its encoded rows: a CREATE TABLE encodes and stores the new table's ~10 column rows, not
 * the ~1,000 of a keyspace with 50 tables. Encoding goes through a {@link MemoryTableStore}, as
 * for any other generated table, so a group reads exactly as if the whole keyspace had been
 * regenerated ({@code SystemTableSourceTest}).
 */
final class GeneratedKeyspaceRows {

  /**
   * The {@code system_schema} tables whose rows for a table depend on that table's metadata alone
   * (no keyspace-level rows): after a change only the tables whose {@link TableMetadata} was
   * replaced are generated again, the others keep their values and encoded rows without being
   * generated at all.
   */
  private static final java.util.Set<String> PER_TABLE = java.util.Set.of("columns", "tables", "dropped_columns");

  /** A group's first clustering value, generated values and their rows as stored and as read, in clustering order. */
  private record Group(Object key, List<Map<String, Object>> values, PartitionUpdate raw, LivePartition live) {}

  private final KeyspaceMetadata keyspace;
  /** Groups by partition key values, then by first clustering value; null when rows are not grouped. */
  private final Map<List<Object>, Map<Object, Group>> groups;
  /** The groups of each partition in clustering order, by partition key values; null when rows are not grouped. */
  private final Map<List<Object>, List<Group>> ordered;
  private final Map<DecoratedKey, GeneratedPartitions.Partition> partitions;

  private GeneratedKeyspaceRows(KeyspaceMetadata keyspace, Map<List<Object>, Map<Object, Group>> groups,
      Map<List<Object>, List<Group>> ordered, Map<DecoratedKey, GeneratedPartitions.Partition> partitions) {
    this.keyspace = keyspace;
    this.groups = groups;
    this.ordered = ordered;
    this.partitions = partitions;
  }

  /** The metadata the rows were generated from (compared by identity: a change replaces it). */
  KeyspaceMetadata keyspace() {
    return keyspace;
  }

  Map<DecoratedKey, GeneratedPartitions.Partition> partitions() {
    return partitions;
  }

  /**
   * The partitions of {@code table} for {@code keyspace}, from the values its generator gives
   * ({@code generate}: the rows of a keyspace), reusing the encoded groups of {@code previous}
   * (null: none) whose values did not change.
   */
  static GeneratedKeyspaceRows of(TableMetadata table, KeyspaceMetadata keyspace,
      Function<KeyspaceMetadata, List<Map<String, Object>>> generate, GeneratedKeyspaceRows previous,
      Function<Map<String, Object>, PartitionUpdate> encode) {
    Map<List<Object>, Map<Object, List<Map<String, Object>>>> byGroup = perTable(table, keyspace, generate, previous);
    if (byGroup == null) {
      List<Map<String, Object>> rows = generate.apply(keyspace);
      byGroup = grouped(table, rows);
      if (byGroup == null) {
        return new GeneratedKeyspaceRows(keyspace, null, null, ungrouped(table, rows, encode));
      }
    }
    ClusteringComparator comparator = TableComparators.clustering(table);
    boolean reuse = previous != null && previous.groups != null;
    Map<List<Object>, Map<Object, Group>> groups = new HashMap<>();
    Map<List<Object>, List<Group>> ordered = new HashMap<>();
    Map<DecoratedKey, GeneratedPartitions.Partition> partitions = new HashMap<>();
    for (Map.Entry<List<Object>, Map<Object, List<Map<String, Object>>>> partition : byGroup.entrySet()) {
      Map<Object, Group> before = reuse ? previous.groups.getOrDefault(partition.getKey(), Map.of()) : Map.of();
      List<Group> beforeOrdered = reuse ? previous.ordered.getOrDefault(partition.getKey(), List.of()) : List.of();
      Map<Object, Group> now = new HashMap<>();
      List<Group> changed = new ArrayList<>();
      for (Map.Entry<Object, List<Map<String, Object>>> values : partition.getValue().entrySet()) {
        Group group = before.get(values.getKey());
        if (group == null || !group.values().equals(values.getValue())) {
          group = encoded(values.getKey(), values.getValue(), encode, comparator);
          changed.add(group);
        }
        now.put(values.getKey(), group);
      }
      groups.put(partition.getKey(), now);
      GeneratedPartitions.Partition p;
      List<Group> inOrder;
      if (changed.isEmpty() && now.size() == beforeOrdered.size()) {
        // every group kept: the partition as it was read before
        inOrder = beforeOrdered;
        p = previous.partitions.get(beforeOrdered.get(0).live().key());
      } else {
        inOrder = merged(beforeOrdered, now, changed, comparator);
        p = joined(inOrder);
      }
      ordered.put(partition.getKey(), inOrder);
      partitions.put(p.live().key(), p);
    }
    return new GeneratedKeyspaceRows(keyspace, groups, ordered, partitions);
  }

  /**
   * The groups of a partition in clustering order: those of {@code before} (in order) still in
   * {@code now}, merged with the {@code changed} ones. Groups never interleave (they differ in the
   * first clustering column), so their first rows order them; only the changed ones are sorted.
   */
  private static List<Group> merged(List<Group> before, Map<Object, Group> now, List<Group> changed,
      ClusteringComparator comparator) {
    java.util.Comparator<Group> order =
        (a, b) -> comparator.compare(a.live().rows().get(0).clustering(), b.live().rows().get(0).clustering());
    changed.sort(order);
    List<Group> merged = new ArrayList<>(now.size());
    int c = 0;
    for (Group kept : before) {
      if (now.get(kept.key()) != kept) {
        continue; // changed or gone
      }
      while (c < changed.size() && order.compare(changed.get(c), kept) < 0) {
        merged.add(changed.get(c++));
      }
      merged.add(kept);
    }
    while (c < changed.size()) {
      merged.add(changed.get(c++));
    }
    return merged;
  }

  /**
   * For a {@link #PER_TABLE} table: the values of the tables of {@code keyspace} that are the same
   * objects as in {@code previous} taken from it (the same lists, which compare equal at once), the
   * others generated; null where that does not apply.
   */
  private static Map<List<Object>, Map<Object, List<Map<String, Object>>>> perTable(TableMetadata table,
      KeyspaceMetadata keyspace, Function<KeyspaceMetadata, List<Map<String, Object>>> generate,
      GeneratedKeyspaceRows previous) {
    if (!table.keyspace().equals(dev.ringlet.internal.system.SystemKeyspaces.SCHEMA) || !PER_TABLE.contains(table.name())
        || previous == null || previous.groups == null || previous.groups.size() > 1) {
      return null;
    }
    List<Object> key = List.of(keyspace.name());
    Map<Object, Group> before = previous.groups.getOrDefault(key, Map.of());
    if (previous.groups.size() == 1 && !previous.groups.containsKey(key)) {
      return null;
    }
    Map<String, TableMetadata> changed = new HashMap<>();
    for (TableMetadata t : keyspace.tables().values()) {
      if (previous.keyspace.tables().get(t.name()) != t) {
        changed.put(t.name(), t);
      }
    }
    KeyspaceMetadata onlyChanged = new KeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(),
        changed, keyspace.types(), keyspace.virtual(), keyspace.functions(), keyspace.leftoverMasks());
    Map<List<Object>, Map<Object, List<Map<String, Object>>>> generated = grouped(table, generate.apply(onlyChanged));
    if (generated == null || generated.size() > 1 || (generated.size() == 1 && !generated.containsKey(key))) {
      return null;
    }
    Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>(generated.getOrDefault(key, Map.of()));
    for (TableMetadata t : keyspace.tables().values()) {
      Group kept = before.get(t.name());
      if (!changed.containsKey(t.name()) && kept != null) {
        groups.put(t.name(), kept.values());
      }
    }
    Map<List<Object>, Map<Object, List<Map<String, Object>>>> byGroup = new LinkedHashMap<>();
    if (!groups.isEmpty()) {
      byGroup.put(key, groups);
    }
    return byGroup;
  }

  /**
   * The rows by partition key values and first clustering value, in the generator's order; null
   * when they cannot be grouped (no clustering columns, a static column, a missing clustering value).
   */
  private static Map<List<Object>, Map<Object, List<Map<String, Object>>>> grouped(
      TableMetadata table, List<Map<String, Object>> rows) {
    if (table.clustering().isEmpty() || table.others().stream().anyMatch(ColumnMetadata::isStatic)) {
      return null;
    }
    String first = table.clustering().get(0).name();
    Map<List<Object>, Map<Object, List<Map<String, Object>>>> byGroup = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Object group = row.get(first);
      if (group == null) {
        return null;
      }
      List<Object> key = new ArrayList<>(table.partitionKey().size());
      for (ColumnMetadata c : table.partitionKey()) {
        key.add(row.get(c.name()));
      }
      byGroup.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(group, g -> new ArrayList<>()).add(row);
    }
    return byGroup;
  }

  /** One group's rows, stored and read back (one partition, non-empty: generated rows are live). */
  private static Group encoded(Object group, List<Map<String, Object>> values,
      Function<Map<String, Object>, PartitionUpdate> encode, ClusteringComparator comparator) {
    MemoryTableStore store = new MemoryTableStore(comparator);
    DecoratedKey key = null;
    for (Map<String, Object> value : values) {
      PartitionUpdate update = encode.apply(value);
      store.apply(update);
      key = update.key();
    }
    LivePartition live = store.read(key, 0);
    return new Group(group, values, store.readRaw(key), new LivePartition(key, live.staticRow(), List.copyOf(live.rows())));
  }

  /** A partition made of its groups, in clustering order. */
  private static GeneratedPartitions.Partition joined(List<Group> ordered) {
    Group first = ordered.get(0);
    if (ordered.size() == 1) {
      return new GeneratedPartitions.Partition(first.live(), first.raw());
    }
    List<LiveRow> live = new ArrayList<>();
    List<RowUpdate> raw = new ArrayList<>();
    for (Group g : ordered) {
      live.addAll(g.live().rows());
      raw.addAll(g.raw().rows());
    }
    DecoratedKey key = first.live().key();
    PartitionUpdate r = first.raw();
    return new GeneratedPartitions.Partition(new LivePartition(key, first.live().staticRow(), List.copyOf(live)),
        new PartitionUpdate(key, r.partitionDeletion(), r.rangeTombstones(), r.staticRow(), raw));
  }

  /** Every row stored in one store, each partition read once (no reuse). */
  private static Map<DecoratedKey, GeneratedPartitions.Partition> ungrouped(TableMetadata table,
      List<Map<String, Object>> rows, Function<Map<String, Object>, PartitionUpdate> encode) {
    MemoryTableStore store = new MemoryTableStore(TableComparators.clustering(table));
    java.util.Set<DecoratedKey> keys = new java.util.HashSet<>();
    for (Map<String, Object> row : rows) {
      PartitionUpdate update = encode.apply(row);
      store.apply(update);
      keys.add(update.key());
    }
    Map<DecoratedKey, GeneratedPartitions.Partition> read = new HashMap<>();
    for (DecoratedKey key : keys) {
      read.put(key, GeneratedPartitions.Partition.of(key, store));
    }
    return Map.copyOf(read);
  }
}
