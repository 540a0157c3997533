package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.select.KeyPlan;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An analysed INSERT, UPDATE or DELETE: which partitions and rows it touches and what it writes
 * there. Executing it produces {@link PartitionUpdate}s; applying them (and LWT conditions) is the
 * executor's job.
 */
public final class ModificationStatement {

  public enum Kind {
    INSERT,
    UPDATE,
    DELETE
  }

  /** The LWT condition, if any. */
  public enum ConditionKind {
    NONE,
    IF_NOT_EXISTS,
    IF_EXISTS,
    IF_CONDITIONS
  }

  private final Kind kind;
  private final TableMetadata table;
  private final KeyPlan keys;
  private final ClusteringPlan clustering;
  private final RangePlan range;
  private final List<ColumnOperation> operations;
  private final List<ColumnMetadata> deletedColumns;
  private final BoundTerm timestamp;
  private final BoundTerm ttl;
  private final ConditionKind condition;
  private final List<ConditionCheck> conditions;
  /** Whether an operation or deletion names a static column: when none does, a write has no static row to build. */
  private final boolean writesStatic;

  ModificationStatement(
      Kind kind,
      TableMetadata table,
      KeyPlan keys,
      ClusteringPlan clustering,
      RangePlan range,
      List<ColumnOperation> operations,
      List<ColumnMetadata> deletedColumns,
      BoundTerm timestamp,
      BoundTerm ttl,
      ConditionKind condition,
      List<ConditionCheck> conditions) {
    this.kind = kind;
    this.table = table;
    this.keys = keys;
    this.clustering = clustering;
    this.range = range;
    this.operations = List.copyOf(operations);
    this.deletedColumns = List.copyOf(deletedColumns);
    this.timestamp = timestamp;
    this.ttl = ttl;
    this.condition = condition;
    this.conditions = List.copyOf(conditions);
    this.writesStatic = this.operations.stream().anyMatch(op -> op.column().isStatic())
        || this.deletedColumns.stream().anyMatch(ColumnMetadata::isStatic);
  }

  /** Whether an operation or deletion names a static column (5.0's {@code updatesStaticRow}). */
  public boolean writesStatic() {
    return writesStatic;
  }

  public Kind kind() {
    return kind;
  }

  public TableMetadata table() {
    return table;
  }

  public ConditionKind condition() {
    return condition;
  }

  public List<ConditionCheck> conditions() {
    return conditions;
  }

  public boolean hasUsingTimestamp() {
    return timestamp != null;
  }

  /** The partitions this statement writes to. */
  public List<DecoratedKey> keys(BoundValues values) {
    List<DecoratedKey> bound = keys.bind(table, values);
    for (DecoratedKey k : bound) {
      if (k.key().remaining() == 0) {
        throw CqlException.invalid("Key may not be empty");
      }
      if (table.partitionKey().size() == 1
          && table.partitionKey().get(0).type() instanceof dev.ringlet.internal.types.CustomType custom
          && (custom.isComposite() || custom.isPartitionerOrder())) {
        custom.validate(k.key()); // 5.0 validates a key written as a blob; a composite's bytes may be no composite
      }
    }
    return bound;
  }

  /** The rows named, for LWT reads: every clustering combination (empty for none). */
  public List<Clustering> clusterings(BoundValues values) {
    return clustering == null ? List.of(Clustering.EMPTY) : clustering.bind(values);
  }

  /** The write timestamp: USING TIMESTAMP, else the client's default, else {@code fallback}. */
  public long timestamp(BoundValues values, QueryOptions options, long fallback) {
    if (timestamp != null) {
      ByteBuffer b = timestamp.bind(values);
      if (b == null) {
        throw CqlException.invalid("Invalid null value of timestamp");
      }
      if (b != QueryOptions.UNSET) {
        return (Long) NativeType.BIGINT.decode(b);
      }
    }
    return options.hasDefaultTimestamp() ? options.defaultTimestamp() : fallback;
  }

  private int ttl(BoundValues values) {
    if (ttl == null) {
      return table.params().defaultTimeToLive();
    }
    ByteBuffer b = ttl.bind(values);
    if (b == null) {
      throw CqlException.invalid("Invalid null value of TTL");
    }
    if (b == QueryOptions.UNSET) {
      return table.params().defaultTimeToLive();
    }
    int v = (Integer) NativeType.INT.decode(b);
    if (v < 0) {
      throw CqlException.invalid("A TTL must be greater or equal to 0, but was " + v);
    }
    if (v > TableParams.MAX_TTL_SECONDS) {
      throw CqlException.invalid("ttl is too large. requested (" + v + ") maximum (" + TableParams.MAX_TTL_SECONDS + ")");
    }
    return v;
  }

  /** The updates this statement makes, one per partition. */
  public List<PartitionUpdate> updates(BoundValues values, WriteContext ctx) {
    List<DecoratedKey> partitionKeys = keys(values);
    int ttl = kind == Kind.DELETE ? 0 : ttl(values);
    List<PartitionUpdate> out = new ArrayList<>(partitionKeys.size());
    for (DecoratedKey key : partitionKeys) {
      out.add(update(key, values, ctx, ttl));
    }
    return out;
  }

  private PartitionUpdate update(DecoratedKey key, BoundValues values, WriteContext ctx, int ttl) {
    if (kind == Kind.DELETE) {
      if (deletedColumns.isEmpty() && operations.isEmpty()) {
        return delete(key, values, new DeletionTime(ctx.timestamp(), ctx.nowInSeconds()));
      }
      return cells(key, values, ctx, ttl, false);
    }
    return cells(key, values, ctx, ttl, kind == Kind.INSERT);
  }

  private PartitionUpdate delete(DecoratedKey key, BoundValues values, DeletionTime deletion) {
    if (range != null) {
      List<RangeTombstone> rts = new ArrayList<>();
      for (Clustering prefix : clustering == null ? List.of(Clustering.EMPTY) : clustering.bind(values)) {
        for (ClusteringComparator.Bound[] b : range.bind(prefix, values)) {
          rts.add(new RangeTombstone(b[0], b[1], deletion));
        }
      }
      return new PartitionUpdate(key, DeletionTime.LIVE, rts, null, List.of());
    }
    if (clustering == null || clustering.columns().isEmpty()) {
      return new PartitionUpdate(key, deletion, List.of(), null, List.of());
    }
    List<Clustering> rows = clustering.bind(values);
    if (clustering.columns().size() < table.clustering().size()) {
      List<RangeTombstone> rts = new ArrayList<>();
      for (Clustering prefix : rows) {
        rts.add(new RangeTombstone(new ClusteringComparator.Bound(prefix, true, true),
            new ClusteringComparator.Bound(prefix, false, true), deletion));
      }
      return new PartitionUpdate(key, DeletionTime.LIVE, rts, null, List.of());
    }
    List<RowUpdate> updates = new ArrayList<>();
    for (Clustering c : rows) {
      updates.add(new RowUpdate(c, LivenessInfo.EMPTY, deletion, Map.of()));
    }
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, updates);
  }

  private PartitionUpdate cells(DecoratedKey key, BoundValues values, WriteContext ctx, int ttl, boolean marker) {
    CurrentRows current = new CurrentRows(key, ctx);
    RowCells statics = writesStatic ? rowCells(true, null, values, ctx, ttl, current) : null;
    boolean noStatics = statics == null || statics.isEmpty();
    RowUpdate staticRow = noStatics ? null
        : new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE, statics.simple(), statics.complex());
    boolean noClustering = clustering == null || clustering.columns().isEmpty();
    LivenessInfo liveness = marker ? LivenessInfo.of(ctx.timestamp(), ttl, ctx.nowInSeconds()) : LivenessInfo.EMPTY;
    List<Clustering> named = clusterings(values);
    // Most writes name one row: an immutable one-element list, which PartitionUpdate keeps as is
    // instead of copying an ArrayList.
    List<RowUpdate> rows = named.size() == 1 ? null : new ArrayList<>(named.size());
    RowUpdate only = null;
    for (int i = 0; i < named.size(); i++) {
      Clustering c = named.get(i);
      RowCells regular = rowCells(false, c, values, ctx, ttl, current);
      if (!noStatics && regular.isEmpty() && noClustering) {
        break;
      }
      RowUpdate row = new RowUpdate(c, liveness, DeletionTime.LIVE, regular.simple(), regular.complex());
      if (rows == null) {
        only = row;
      } else {
        rows.add(row);
      }
    }
    if (rows == null) {
      rows = only == null ? List.of() : List.of(only);
    }
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), staticRow, rows);
  }

  private RowCells rowCells(boolean statics, Clustering row, BoundValues values, WriteContext ctx, int ttl, CurrentRows current) {
    RowCells cells = new RowCells();
    for (int i = 0; i < deletedColumns.size(); i++) { // indexed loops: no iterator per write
      ColumnMetadata c = deletedColumns.get(i);
      if (c.isStatic() == statics) {
        new ColumnOperation(c, null, ColumnOperation.Kind.DELETE).apply(values, ctx, ttl, cells, Map.of());
      }
    }
    for (int i = 0; i < operations.size(); i++) {
      ColumnOperation op = operations.get(i);
      if (op.column().isStatic() == statics) {
        Map<java.nio.ByteBuffer, Cell> elements = op.readsCurrent() ? current.elements(op.column(), row) : Map.of();
        op.apply(values, ctx, ttl, cells, elements);
      }
    }
    return cells;
  }

  /** The partition as it is before the write, read once and only when an operation needs it. */
  private static final class CurrentRows {
    private final DecoratedKey key;
    private final WriteContext ctx;
    private LivePartition partition;

    CurrentRows(DecoratedKey key, WriteContext ctx) {
      this.key = key;
      this.ctx = ctx;
    }

    Map<java.nio.ByteBuffer, Cell> elements(ColumnMetadata column, Clustering clustering) {
      if (partition == null) {
        partition = ctx.current().apply(key);
        if (partition == null) {
          return Map.of();
        }
      }
      if (column.isStatic()) {
        return partition.staticRow().elements(column.name());
      }
      for (LiveRow r : partition.rows()) {
        if (r.clustering().equals(clustering)) {
          return r.elements(column.name());
        }
      }
      return Map.of();
    }
  }
}
