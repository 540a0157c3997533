package dev.ringlet.internal.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A table: its key and other columns and its options. Immutable; changes make a new instance.
 * {@link #columns()} is Cassandra's {@code SELECT *} order: partition key, clustering columns, the
 * static columns by name, then the regular columns by name; {@code others} keeps declaration order.
 * A materialized view is a table like any other (its own id, data and replicas) with a non-null
 * {@code view}; keyspaces keep views among their tables, and what lists tables filters them out.
 */
public record TableMetadata(
    String keyspace,
    String name,
    UUID id,
    List<ColumnMetadata> partitionKey,
    List<ColumnMetadata> clustering,
    List<ColumnMetadata> others,
    TableParams params,
    boolean counter,
    boolean virtual,
    Map<String, DroppedColumn> droppedColumns,
    Map<String, IndexMetadata> indexes,
    ViewMetadata view) {

  /** A table (not a materialized view). */
  public TableMetadata(String keyspace, String name, UUID id, List<ColumnMetadata> partitionKey, List<ColumnMetadata> clustering,
      List<ColumnMetadata> others, TableParams params, boolean counter, boolean virtual, Map<String, DroppedColumn> droppedColumns,
      Map<String, IndexMetadata> indexes) {
    this(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, droppedColumns, indexes, null);
  }

  /** A table without secondary indexes. */
  public TableMetadata(String keyspace, String name, UUID id, List<ColumnMetadata> partitionKey, List<ColumnMetadata> clustering,
      List<ColumnMetadata> others, TableParams params, boolean counter, boolean virtual, Map<String, DroppedColumn> droppedColumns) {
    this(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, droppedColumns, Map.of());
  }

  /** A table that never had a column dropped. */
  public TableMetadata(String keyspace, String name, UUID id, List<ColumnMetadata> partitionKey, List<ColumnMetadata> clustering,
      List<ColumnMetadata> others, TableParams params, boolean counter, boolean virtual) {
    this(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, Map.of());
  }

  public TableMetadata {
    droppedColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(droppedColumns)); // Cassandra's order
    indexes = java.util.Collections.unmodifiableMap(new TreeMap<>(indexes)); // by name
    partitionKey = List.copyOf(partitionKey);
    clustering = List.copyOf(clustering);
    others = List.copyOf(others); // in declaration order; columns() and columnsInDescribeOrder() sort
  }

  /** All columns in {@code SELECT *} order. */
  public List<ColumnMetadata> columns() {
    List<ColumnMetadata> sorted = new ArrayList<>(others);
    sorted.sort(Comparator.comparing((ColumnMetadata c) -> !c.isStatic()).thenComparing(ColumnMetadata::name));
    List<ColumnMetadata> all = new ArrayList<>(partitionKey.size() + clustering.size() + others.size());
    all.addAll(partitionKey);
    all.addAll(clustering);
    all.addAll(sorted);
    return all;
  }

  /**
   * All columns in the order DESCRIBE prints them, which is Cassandra's storage order: the key
   * columns by position, then the static columns, then the regular ones; within each of those two,
   * the single-cell columns before the multi-cell ones (non-frozen collections and user types), each
   * group by name. Not the declaration order, which Cassandra does not keep.
   */
  public List<ColumnMetadata> columnsInDescribeOrder() {
    List<ColumnMetadata> sorted = new ArrayList<>(others);
    sorted.sort(Comparator.comparing((ColumnMetadata c) -> !c.isStatic())
        .thenComparing(c -> c.type().isMultiCell())
        .thenComparing(ColumnMetadata::name));
    List<ColumnMetadata> all = new ArrayList<>(partitionKey.size() + clustering.size() + others.size());
    all.addAll(partitionKey);
    all.addAll(clustering);
    all.addAll(sorted);
    return all;
  }

  /** The column of that name, or null. */
  public ColumnMetadata column(String columnName) {
    for (ColumnMetadata c : partitionKey) if (c.name().equals(columnName)) return c;
    for (ColumnMetadata c : clustering) if (c.name().equals(columnName)) return c;
    for (ColumnMetadata c : others) if (c.name().equals(columnName)) return c;
    return null;
  }

  /** The same table with these secondary indexes (by name). */
  public TableMetadata withIndexes(Map<String, IndexMetadata> newIndexes) {
    return new TableMetadata(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, droppedColumns,
        newIndexes, view);
  }

  /** This table as a materialized view described by {@code newView} (null: an ordinary table). */
  public TableMetadata withView(ViewMetadata newView) {
    return new TableMetadata(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, droppedColumns,
        indexes, newView);
  }

  /** Whether this is a materialized view rather than a table. */
  public boolean isView() {
    return view != null;
  }

  /** The same table with these dropped-column records (by name). */
  public TableMetadata withDroppedColumns(Map<String, DroppedColumn> newDroppedColumns) {
    return new TableMetadata(keyspace, name, id, partitionKey, clustering, others, params, counter, virtual, newDroppedColumns,
        indexes);
  }

  /**
   * The indexes Cassandra 5.0 lists for this table in {@code system_schema.indexes} and DESCRIBE: its
   * secondary indexes, plus, for {@code system.paxos}, the custom {@code PaxosUncommittedIndex} that 5.0's
   * Paxos v2 keeps on it. Ringlet's Paxos needs no such index, so it is listed but never maintained or
   * used by queries (which read {@link #indexes()}).
   */
  public Map<String, IndexMetadata> listedIndexes() {
    if (!keyspace.equals("system") || !name.equals("paxos")) {
      return indexes;
    }
    Map<String, IndexMetadata> listed = new TreeMap<>(indexes);
    listed.put(PAXOS_UNCOMMITTED_INDEX.name(), PAXOS_UNCOMMITTED_INDEX);
    return listed;
  }

  private static final IndexMetadata PAXOS_UNCOMMITTED_INDEX = new IndexMetadata("PaxosUncommittedIndex",
      IndexMetadata.Kind.CUSTOM, Map.of("class_name", "org.apache.cassandra.service.paxos.uncommitted.PaxosUncommittedIndex",
          "target", ""));

  /** The indexes on that column. */
  public List<IndexMetadata> indexesOn(String columnName) {
    return indexes.values().stream().filter(i -> i.column().equals(columnName)).toList();
  }

  /** Whether any column has a dynamic data mask. */
  public boolean hasMaskedColumns() {
    return partitionKey.stream().anyMatch(ColumnMetadata::isMasked) || clustering.stream().anyMatch(ColumnMetadata::isMasked)
        || others.stream().anyMatch(ColumnMetadata::isMasked);
  }

  public boolean hasStatics() {
    return others.stream().anyMatch(ColumnMetadata::isStatic);
  }
}
