package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.ConditionalWrites;
import dev.ringlet.internal.exec.LocalPaxos;
import dev.ringlet.internal.exec.PaxosTraces;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.PartitionUpdates;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.time.TimestampGenerator;
import dev.ringlet.internal.trace.TraceState;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies writes to storage: plain writes directly, conditional ones (LWT) as a read-check-write
 * that is atomic with every other conditional write to the same table on this node. (Across
 * replicas this becomes Paxos; the seam is {@link #conditional}.)
 */
public final class WriteExecutor {

  private final dev.ringlet.internal.exec.RequestTables tables;
  private final ConditionalWrites conditionalWrites;
  private final dev.ringlet.internal.exec.LoggedBatches loggedBatches;
  private final TimestampGenerator timestamps;
  private final Clock clock;
  private final Map<UUID, Object> lwtLocks = new ConcurrentHashMap<>();
  private volatile dev.ringlet.internal.trace.Tracer tracer;
  private volatile LocalPaxos paxos;

  public WriteExecutor(TableSource source, TimestampGenerator timestamps, Clock clock) {
    this(dev.ringlet.internal.exec.RequestTables.of(source), timestamps, clock);
  }

  /** @param tables each request's tables, at its consistency level */
  public WriteExecutor(dev.ringlet.internal.exec.RequestTables tables, TimestampGenerator timestamps, Clock clock) {
    this(tables, null, dev.ringlet.internal.exec.LoggedBatches.NONE, timestamps, clock);
  }

  /**
   * @param conditionalWrites how LWTs agree across replicas (Paxos); null serialises them on this node
   * @param loggedBatches how multi-partition LOGGED batches are made atomic (the batchlog)
   */
  public WriteExecutor(dev.ringlet.internal.exec.RequestTables tables, ConditionalWrites conditionalWrites,
      dev.ringlet.internal.exec.LoggedBatches loggedBatches, TimestampGenerator timestamps, Clock clock) {
    this.tables = tables;
    this.loggedBatches = loggedBatches;
    this.conditionalWrites = conditionalWrites != null ? conditionalWrites : this::lockedCas;
    this.timestamps = timestamps;
    this.clock = clock;
  }

  /** Makes traced writes record 5.0's coordinator event ("Determining replicas for mutation"). */
  public WriteExecutor traceWith(dev.ringlet.internal.trace.Tracer tracer) {
    this.tracer = tracer;
    return this;
  }

  /** On a node alone: makes conditional writes record 5.0's Paxos events ({@code paxos} notes its states). */
  public WriteExecutor traceWith(dev.ringlet.internal.trace.Tracer tracer, LocalPaxos paxos) {
    this.paxos = paxos;
    return traceWith(tracer);
  }

  private void trace(String activity) {
    dev.ringlet.internal.trace.Tracer t = tracer;
    if (t != null) {
      t.trace(activity);
    }
  }

  public Result execute(ModificationStatement statement, BoundValues values, QueryOptions options) {
    if (statement.condition() != ModificationStatement.ConditionKind.NONE) {
      return conditional(statement, values, options);
    }
    long now = options.nowInSeconds(clock);
    TableSource source = tables.forRequest(options.consistency(), dev.ringlet.internal.cluster.WriteType.SIMPLE);
    TableStore store = source.store(statement.table());
    WriteContext ctx = context(statement.timestamp(values, options, timestamps.next()), now, store);
    List<PartitionUpdate> updates = statement.updates(values, ctx);
    trace("Determining replicas for mutation");
    for (PartitionUpdate u : updates) {
      store.apply(u);
    }
    return new Result.Void();
  }

  /** Cassandra's {@code batch_size_warn_threshold} (5 KiB) and {@code batch_size_fail_threshold} (50 KiB). */
  static final int BATCH_SIZE_WARN = 5 * 1024;
  static final int BATCH_SIZE_FAIL = 50 * 1024;
  /** Cassandra's {@code unlogged_batch_across_partitions_warn_threshold}. */
  static final int UNLOGGED_PARTITIONS_WARN = 10;

  /**
   * A batch: checked as Cassandra checks it, then every statement's updates merged per partition so
   * each partition changes atomically; a batch with conditions is one LWT on its single partition.
   *
   * @param batchTimestamp the batch's USING TIMESTAMP, or {@link Long#MIN_VALUE}
   */
  public Result batch(BatchType type, List<ModificationStatement> statements, List<BoundValues> values, QueryOptions options,
      long batchTimestamp) {
    return batch(type, statements, values, options, batchTimestamp, () -> {});
  }

  /**
   * As {@link #batch(BatchType, List, List, QueryOptions, long)}, with {@code checkReplicas} (the
   * Unavailable check) run after the size warnings are known, as 5.0 orders them: a failure from
   * then on carries those warnings ({@link dev.ringlet.internal.exec.WarnedFailure}).
   */
  public Result batch(BatchType type, List<ModificationStatement> statements, List<BoundValues> values, QueryOptions options,
      long batchTimestamp, Runnable checkReplicas) {
    BatchRules.check(type, statements, batchTimestamp != Long.MIN_VALUE);
    if (statements.stream().anyMatch(s -> s.condition() != ModificationStatement.ConditionKind.NONE)) {
      checkReplicas.run();
      return conditionalBatch(statements, values, options);
    }
    long now = options.nowInSeconds(clock);
    TableSource source = tables.forRequest(options.consistency(), type == BatchType.LOGGED
        ? dev.ringlet.internal.cluster.WriteType.BATCH : type == BatchType.COUNTER
        ? dev.ringlet.internal.cluster.WriteType.COUNTER : dev.ringlet.internal.cluster.WriteType.UNLOGGED_BATCH);
    long fallback = batchTimestamp != Long.MIN_VALUE ? batchTimestamp
        : options.hasDefaultTimestamp() ? options.defaultTimestamp() : timestamps.next();
    Map<UUID, List<PartitionUpdate>> byTable = new java.util.LinkedHashMap<>();
    Map<UUID, TableMetadata> tables = new java.util.HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      ModificationStatement s = statements.get(i);
      WriteContext ctx = context(s.timestamp(values.get(i), QueryOptions.simple(List.of()), fallback), now, source.store(s.table()));
      byTable.computeIfAbsent(s.table().id(), k -> new ArrayList<>()).addAll(s.updates(values.get(i), ctx));
      tables.put(s.table().id(), s.table());
    }
    Map<UUID, List<PartitionUpdate>> merged = new java.util.LinkedHashMap<>();
    for (Map.Entry<UUID, List<PartitionUpdate>> e : byTable.entrySet()) {
      merged.put(e.getKey(), PartitionUpdates.mergeByPartition(e.getValue()));
    }
    List<String> warnings = BatchRules.warnings(type, merged, tables);
    try {
      checkReplicas.run();
      applyBatch(type, merged, tables, source, options);
    } catch (RuntimeException e) {
      throw dev.ringlet.internal.exec.WarnedFailure.attach(e, warnings);
    }
    return new Result.Void(warnings);
  }

  private void applyBatch(BatchType type, Map<UUID, List<PartitionUpdate>> merged, Map<UUID, TableMetadata> tables,
      TableSource source, QueryOptions options) {
    Runnable apply = () -> {
      for (Map.Entry<UUID, List<PartitionUpdate>> e : merged.entrySet()) {
        TableStore store = source.store(tables.get(e.getKey()));
        for (PartitionUpdate u : e.getValue()) {
          store.apply(u);
        }
      }
    };
    int partitions = merged.values().stream().mapToInt(List::size).sum();
    trace(type == BatchType.LOGGED && partitions > 1 ? "Determining replicas for atomic batch"
        : "Determining replicas for mutation");
    if (type == BatchType.LOGGED && partitions > 1) {
      Map<TableMetadata, List<PartitionUpdate>> byTableMetadata = new java.util.LinkedHashMap<>();
      merged.forEach((id, updates) -> byTableMetadata.put(tables.get(id), updates));
      loggedBatches.run(byTableMetadata, options.consistency(), apply);
    } else {
      apply.run();
    }
  }

  private Result conditionalBatch(List<ModificationStatement> statements, List<BoundValues> values, QueryOptions options) {
    TableMetadata table = statements.get(0).table();
    DecoratedKey key = null;
    for (int i = 0; i < statements.size(); i++) {
      ModificationStatement s = statements.get(i);
      List<DecoratedKey> keys = s.keys(values.get(i));
      if (keys.size() != 1) {
        throw CqlException.serverError("java.lang.IllegalArgumentException: Batch with conditions cannot span multiple"
            + " partitions (you cannot use IN on the partition key)");
      }
      if (key != null && !key.equals(keys.get(0))) {
        throw CqlException.invalid("Batch with conditions cannot span multiple partitions");
      }
      key = keys.get(0);
    }
    TableStore store = casSource(options).store(table);
    PaxosTraces.CasRead read = batchRead(table, statements, values);
    return cas(table, key, options, ConditionalWrites.Step.reading(read, (partition, ts) -> {
      long now = options.nowInSeconds(clock);
      List<CasConditions.Entry> entries = new ArrayList<>();
      for (int i = 0; i < statements.size(); i++) {
        ModificationStatement s = statements.get(i);
        if (s.condition() != ModificationStatement.ConditionKind.NONE) {
          entries.add(new CasConditions.Entry(s, values.get(i), s.clusterings(values.get(i)).get(0)));
        }
      }
      if (CasConditions.hold(table, entries, rows(table, partition, now))) {
        List<PartitionUpdate> updates = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
          updates.addAll(statements.get(i).updates(values.get(i), context(ts, now, store)));
        }
        return new ConditionalWrites.Outcome(PartitionUpdates.mergeByPartition(updates), applied(table));
      }
      return new ConditionalWrites.Outcome(List.of(), CasResults.notApplied(table,
          CasResults.conditionColumns(statements, true), CasResults.currentRows(table, partition, read, now), read));
    }));
  }

  /** What 5.0's read of a conditional batch's current values fetches: its statements' conditions and writes together. */
  private static PaxosTraces.CasRead batchRead(TableMetadata table,
      List<ModificationStatement> statements, List<BoundValues> values) {
    List<Clustering> names = new ArrayList<>();
    java.util.Set<ColumnMetadata> conditionColumns = new java.util.HashSet<>();
    boolean writesRows = false;
    boolean writesStatic = false;
    for (int i = 0; i < statements.size(); i++) {
      ModificationStatement s = statements.get(i);
      Clustering clustering = s.clusterings(values.get(i)).get(0);
      writesRows |= writesRows(table, clustering);
      writesStatic |= s.writesStatic();
      addConditions(table, s, clustering, names, conditionColumns);
    }
    return PaxosTraces.CasRead.of(table, names, writesRows, writesStatic, conditionColumns);
  }

  /** 5.0's {@code updatesRegularRows}: the table has no clustering columns, or the statement gives them. */
  private static boolean writesRows(TableMetadata table, Clustering clustering) {
    return table.clustering().isEmpty() || clustering.size() > 0;
  }

  /**
   * A statement's conditions as 5.0's {@code CQL3CasRequest} keeps them: a row condition (EXISTS,
   * NOT EXISTS or on a regular column) names its row; conditions on static columns name none.
   */
  private static void addConditions(TableMetadata table, ModificationStatement s, Clustering clustering,
      List<Clustering> names, java.util.Set<ColumnMetadata> conditionColumns) {
    boolean row;
    switch (s.condition()) {
      case IF_EXISTS:
      case IF_NOT_EXISTS:
        row = writesRows(table, clustering);
        break;
      case IF_CONDITIONS:
        row = false;
        for (ConditionCheck c : s.conditions()) {
          conditionColumns.add(c.column());
          row |= !c.column().isStatic();
        }
        break;
      default:
        row = false;
    }
    if (row && !names.contains(clustering)) {
      names.add(clustering);
    }
  }

  private Result conditional(ModificationStatement statement, BoundValues values, QueryOptions options) {
    if (statement.hasUsingTimestamp()) {
      throw CqlException.invalid("Cannot provide custom timestamp for conditional updates");
    }
    TableMetadata table = statement.table();
    List<DecoratedKey> keys = statement.keys(values);
    if (keys.size() != 1) {
      throw CqlException.invalid("IN on the partition key is not supported with conditional " + verb(statement));
    }
    List<Clustering> clusterings = statement.clusterings(values);
    if (clusterings.size() != 1) {
      throw CqlException.invalid("IN on the clustering key columns is not supported with conditional " + verb(statement));
    }
    DecoratedKey key = keys.get(0);
    Clustering clustering = clusterings.get(0);
    TableStore store = casSource(options).store(table);
    List<Clustering> names = new ArrayList<>();
    java.util.Set<ColumnMetadata> conditionColumns = new java.util.HashSet<>();
    addConditions(table, statement, clustering, names, conditionColumns);
    PaxosTraces.CasRead read = PaxosTraces.CasRead.of(table, names,
        writesRows(table, clustering), statement.writesStatic(), conditionColumns);
    return cas(table, key, options, ConditionalWrites.Step.reading(read, (partition, ts) -> {
      long now = options.nowInSeconds(clock);
      List<CasConditions.Entry> entries = List.of(new CasConditions.Entry(statement, values, clustering));
      if (CasConditions.hold(table, entries, rows(table, partition, now))) {
        return new ConditionalWrites.Outcome(statement.updates(values, context(ts, now, store)), applied(table));
      }
      return new ConditionalWrites.Outcome(List.of(), CasResults.notApplied(table,
          CasResults.conditionColumns(List.of(statement), false), CasResults.currentRows(table, partition, read, now), read));
    }));
  }

  private Result cas(TableMetadata table, DecoratedKey key, QueryOptions options, ConditionalWrites.Step step) {
    dev.ringlet.internal.cluster.ConsistencyLevel serial = options.serialConsistency() == null
        ? dev.ringlet.internal.cluster.ConsistencyLevel.SERIAL : options.serialConsistency();
    return conditionalWrites.cas(table, key, serial, options.consistency(), step);
  }

  /** One node: the read-check-write under a per-table lock, at the timestamp the node would give the write. */
  private Result lockedCas(TableMetadata table, DecoratedKey key, dev.ringlet.internal.cluster.ConsistencyLevel serial,
      dev.ringlet.internal.cluster.ConsistencyLevel commit, ConditionalWrites.Step step) {
    TableStore read = tables.forRequest(serial, dev.ringlet.internal.cluster.WriteType.CAS).store(table);
    TableStore write = tables.forRequest(commit, dev.ringlet.internal.cluster.WriteType.CAS).store(table);
    synchronized (lwtLocks.computeIfAbsent(table.id(), k -> new Object())) {
      LocalPaxos p = paxos;
      boolean firstUse = p != null && p.firstUse(table.id(), key);
      if (p != null && p.traced()) {
        return tracedCas(p, table, key, serial, firstUse, write, step);
      }
      ConditionalWrites.Outcome outcome = step.decide(read.read(key, clock.nowInSeconds()), timestamps.next());
      for (PartitionUpdate u : outcome.updates()) {
        write.apply(u);
      }
      return outcome.result();
    }
  }

  /**
   * A traced conditional write on one node: the events of the Paxos round 5.0 runs with itself as
   * the only replica ({@link PaxosTraces}) around the same read-check-write.
   */
  private Result tracedCas(LocalPaxos p, TableMetadata table, DecoratedKey key,
      dev.ringlet.internal.cluster.ConsistencyLevel serial, boolean firstUse, TableStore write, ConditionalWrites.Step step) {
    dev.ringlet.internal.trace.Tracer t = p.tracer();
    long timestamp = timestamps.next();
    long now = clock.nowInSeconds();
    java.util.UUID ballot = p.ballot(timestamp);
    PaxosTraces.preparing(t, ballot);
    PaxosTraces.promising(t, ballot, firstUse);
    // the read's own events are 5.0's CAS read's, recorded below: read without them
    TraceState state = t.enter(null);
    TableStore untraced;
    try {
      untraced = tables.forRequest(serial, dev.ringlet.internal.cluster.WriteType.CAS).store(table);
    } finally {
      t.exit(state);
    }
    PartitionUpdate raw = untraced.readRaw(key);
    LivePartition current = untraced.read(key, now);
    PaxosTraces.CasRead read = step.casRead() != null ? step.casRead()
        : PaxosTraces.CasRead.of(table, List.of(), true, true, List.of());
    PaxosTraces.readingExisting(t, table, read, raw, current, t.sstables(table.id()), now);
    ConditionalWrites.Outcome outcome = step.decide(current, timestamp);
    boolean applied = !outcome.updates().isEmpty();
    if (!applied) {
      PaxosTraces.notMatching(t, table, read, key, current);
    }
    PaxosTraces.proposing(t, ballot);
    PartitionUpdate proposal = applied ? PartitionUpdates.mergeByPartition(outcome.updates()).get(0)
        : LocalPaxos.empty(key);
    PaxosTraces.accepting(t, table, ballot, proposal);
    if (applied) {
      PaxosTraces.committing(t, table, ballot, proposal);
      for (PartitionUpdate u : outcome.updates()) {
        write.apply(u);
      }
      PaxosTraces.savedPaxosState(t);
    }
    PaxosTraces.outcome(t, applied);
    return outcome.result();
  }

  /** Conditional writes read at the serial level (as QUORUM or LOCAL_QUORUM) and commit at the request's level. */
  private TableSource casSource(QueryOptions options) {
    TableSource read = tables.forRequest(options.serialConsistency() == null
        ? dev.ringlet.internal.cluster.ConsistencyLevel.SERIAL : options.serialConsistency(), dev.ringlet.internal.cluster.WriteType.CAS);
    TableSource commit = tables.forRequest(options.consistency(), dev.ringlet.internal.cluster.WriteType.CAS);
    return table -> new CasStore(read.store(table), commit.store(table));
  }

  private static String verb(ModificationStatement s) {
    return s.kind() == ModificationStatement.Kind.DELETE ? "deletions" : "updates";
  }

  private WriteContext context(long timestamp, long now, TableStore store) {
    return new WriteContext(timestamp, now, timestamps::next, key -> store.read(key, now));
  }

  private static RowAccess find(TableMetadata table, LivePartition partition, Clustering clustering, long now) {
    List<ByteBuffer> components = PartitionKeys.split(table, partition.key().key());
    if (clustering.size() == 0 && !table.clustering().isEmpty()) {
      return partition.staticRow().isEmpty() ? null : new RowAccess(partition, components, null, now);
    }
    for (LiveRow row : partition.rows()) {
      if (row.clustering().equals(clustering)) {
        return new RowAccess(partition, components, row, now);
      }
    }
    return null;
  }

  private static Result.Rows applied(TableMetadata table) {
    return new Result.Rows(List.of(new ColumnSpec(table.keyspace(), table.name(), "[applied]", NativeType.BOOLEAN)),
        List.of(List.of(NativeType.BOOLEAN.encode(true))), null, List.of());
  }

  /** The partition as conditions read it: rows by clustering, static columns from the static row. */
  private static CasConditions.Rows rows(TableMetadata table, LivePartition partition, long now) {
    RowAccess statics = new RowAccess(partition, PartitionKeys.split(table, partition.key().key()), null, now);
    return new CasConditions.Rows() {
      @Override
      public boolean exists(Clustering clustering) {
        return find(table, partition, clustering, now) != null;
      }

      @Override
      public ByteBuffer value(Clustering clustering, ColumnMetadata column) {
        RowAccess row = column.isStatic() ? statics : find(table, partition, clustering, now);
        return row == null ? null : row.value(column);
      }
    };
  }
}
