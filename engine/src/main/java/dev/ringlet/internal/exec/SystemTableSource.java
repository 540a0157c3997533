package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.system.SystemTable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds a table's store: generated system tables are materialised from node state, and kept until
 * the schema or what the node says of itself or its peers changes (drivers re-read the whole
 * schema after every DDL); user tables come from storage.
 */
public final class SystemTableSource implements TableSource {

  private final Storage storage;
  private final Supplier<Schema> schema;
  private final Supplier<NodeInfo> local;
  private final Supplier<List<NodeInfo>> peers;
  private final java.util.concurrent.ConcurrentHashMap<String, Generated> generated = new java.util.concurrent.ConcurrentHashMap<>();

  /** Keeps materialized views in step with base writes; null until {@link #maintainViews} is called. */
  private volatile dev.ringlet.internal.exec.view.ViewMaintenance views;

  /** Per keyspace-partitioned generated table: each keyspace's rows, by keyspace name. */
  private final java.util.concurrent.ConcurrentHashMap<String, Map<String, GeneratedKeyspaceRows>> keyspaceRows =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A generated table's store and the state it was generated from. */
  private record Generated(Schema schema, NodeInfo local, List<NodeInfo> peers, TableStore store) {}

  /**
   * User tables' stores already looked up under the current schema, by table id: a request's table
   * (the same metadata object while the schema does not change) finds its store without the
   * generated-table lookup, the comparator and the storage map. Dropped with any schema change, so
   * a dropped table's store is never kept, and whenever the storage replaced its stores (a node
   * stopped or killed and started again).
   */
  private volatile UserTables userTables = new UserTables(null, -1, new java.util.concurrent.ConcurrentHashMap<>());

  private record UserTables(Schema schema, long storageGeneration,
      java.util.concurrent.ConcurrentHashMap<java.util.UUID, UserTable> byId) {}

  private record UserTable(TableMetadata table, TableStore store) {}

  private volatile dev.ringlet.internal.trace.Tracer tracer;

  public SystemTableSource(Storage storage, Supplier<Schema> schema, Supplier<NodeInfo> local, Supplier<List<NodeInfo>> peers) {
    this.storage = storage;
    this.schema = schema;
    this.local = local;
    this.peers = peers;
  }

  /** Makes the stores a traced request reaches record 5.0's replica events with {@code tracer}. */
  public void traceWith(dev.ringlet.internal.trace.Tracer tracer) {
    this.tracer = tracer;
  }

  /** {@code store} as the current request sees it: recording its events when the request is traced. */
  private TableStore traced(TableMetadata table, TableStore store) {
    dev.ringlet.internal.trace.Tracer t = tracer;
    if (t == null || t.current() == null) {
      return store;
    }
    dev.ringlet.internal.schema.KeyspaceMetadata keyspace = schema.get().keyspace(table.keyspace());
    return new dev.ringlet.internal.trace.TracedTableStore(store, t, table.name(), keyspace == null || keyspace.durableWrites(),
        TableComparators.clustering(table), () -> {
          dev.ringlet.internal.storage.TableStats stats = storage.stats(table.id());
          return stats == null ? 0 : stats.sstableCount();
        });
  }

  /** This node and the peers it knows, itself first (DESCRIBE CLUSTER). */
  public List<NodeInfo> nodes() {
    List<NodeInfo> nodes = new java.util.ArrayList<>();
    nodes.add(local.get());
    nodes.addAll(peers.get());
    return nodes;
  }

  @Override
  public TableStore store(TableMetadata table) {
    Schema currentSchema = schema.get();
    UserTables users = userTables;
    long storageGeneration = storage.generation();
    if (users.schema() == currentSchema && users.storageGeneration() == storageGeneration) {
      UserTable known = users.byId().get(table.id());
      if (known != null && known.table() == table) {
        return traced(table, known.store());
      }
    }
    SystemTable generated = SystemKeyspaces.table(table.keyspace(), table.name());
    if (generated == null) {
      TableStore stored = storage.table(table, TableComparators.clustering(table), () -> {
        TableMetadata current = schema.get().table(table.keyspace(), table.name());
        return current != null && current.id().equals(table.id()) ? current.params() : table.params();
      });
      dev.ringlet.internal.exec.view.ViewMaintenance v = views;
      // with the views of this schema: a schema change (CREATE or DROP of a view) empties the cache
      TableStore store = v == null ? stored : v.wrap(table, stored);
      if (users.schema() != currentSchema || users.storageGeneration() != storageGeneration) {
        users = new UserTables(currentSchema, storageGeneration, new java.util.concurrent.ConcurrentHashMap<>());
        userTables = users;
      }
      users.byId().put(table.id(), new UserTable(table, store));
      return traced(table, store);
    }
    NodeInfo currentLocal = local.get();
    List<NodeInfo> currentPeers = peers.get();
    String name = table.keyspace() + "." + table.name();
    Generated cached = this.generated.get(name);
    if (cached != null && cached.schema() == currentSchema && cached.local().equals(currentLocal)
        && cached.peers().equals(currentPeers)) {
      return cached.store();
    }
    TableStore store;
    if (byKeyspace(table)) {
      store = byKeyspace(name, table, generated, currentSchema, currentLocal, currentPeers);
    } else {
      MemoryTableStore all = new MemoryTableStore(TableComparators.clustering(table));
      for (Map<String, Object> row : generated.rows(currentSchema, currentLocal, currentPeers)) {
        all.apply(toUpdate(table, row));
      }
      store = all;
    }
    this.generated.put(name, new Generated(currentSchema, currentLocal, currentPeers, store));
    return store;
  }

  /**
   * Whether the generated table is partitioned by keyspace name alone and each keyspace's rows
   * come from that keyspace's metadata alone: {@code system_schema.*} and {@code system_virtual_schema.*}.
   */
  private static boolean byKeyspace(TableMetadata table) {
    return (table.keyspace().equals(SystemKeyspaces.SCHEMA) || table.keyspace().equals(SystemKeyspaces.VIRTUAL_SCHEMA))
        && table.partitionKey().size() == 1 && table.partitionKey().get(0).name().equals("keyspace_name");
  }

  /**
   * The table from one store per keyspace, reusing the stores of keyspaces whose metadata is the
   * same object as when they were generated (a schema change replaces only the keyspace it changes),
   * and in a changed keyspace the encoded rows of the tables, types, functions and views whose rows
   * did not change ({@link GeneratedKeyspaceRows}).
   */
  private TableStore byKeyspace(String name, TableMetadata table, SystemTable generated, Schema currentSchema,
      NodeInfo currentLocal, List<NodeInfo> currentPeers) {
    Map<String, GeneratedKeyspaceRows> previous = keyspaceRows.getOrDefault(name, Map.of());
    Map<String, GeneratedKeyspaceRows> next = new HashMap<>();
    Map<dev.ringlet.internal.storage.DecoratedKey, GeneratedPartitions.Partition> partitions = new HashMap<>();
    for (dev.ringlet.internal.schema.KeyspaceMetadata ks : currentSchema.keyspaces().values()) {
      GeneratedKeyspaceRows rows = previous.get(ks.name());
      if (rows == null || rows.keyspace() != ks) {
        rows = GeneratedKeyspaceRows.of(table, ks,
            k -> generated.rows(new Schema(currentSchema.version(), Map.of(k.name(), k)), currentLocal, currentPeers),
            rows, row -> toUpdate(table, row));
      }
      next.put(ks.name(), rows);
      partitions.putAll(rows.partitions());
    }
    keyspaceRows.put(name, next);
    return new GeneratedPartitions(partitions);
  }

  /** Makes every base table's store maintain its materialized views when it applies a write. */
  public void maintainViews(dev.ringlet.internal.exec.view.ViewMaintenance maintenance) {
    this.views = maintenance;
  }

  private static PartitionUpdate toUpdate(TableMetadata table, Map<String, Object> row) {
    List<ByteBuffer> key = new ArrayList<>();
    for (ColumnMetadata c : table.partitionKey()) {
      key.add(c.type().encode(row.get(c.name())));
    }
    List<ByteBuffer> clustering = new ArrayList<>();
    for (ColumnMetadata c : table.clustering()) {
      clustering.add(c.type().encode(row.get(c.name())));
    }
    Map<String, Cell> cells = new HashMap<>();
    Map<String, Cell> statics = new HashMap<>();
    for (ColumnMetadata c : table.others()) {
      Object v = row.get(c.name());
      if (v != null) {
        (c.isStatic() ? statics : cells).put(c.name(), Cell.live(c.type().encode(v), 0));
      }
    }
    RowUpdate staticRow = statics.isEmpty() ? null : new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE, statics);
    RowUpdate r = new RowUpdate(new Clustering(clustering), new LivenessInfo(0, 0, Long.MAX_VALUE), DeletionTime.LIVE, cells);
    return new PartitionUpdate(PartitionKeys.decorate(table, key), DeletionTime.LIVE, List.of(), staticRow, List.of(r));
  }
}
