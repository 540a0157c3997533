package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's replica side: applies mutations and hints, answers data, digest and range reads from
 * its own stores, truncates and drops columns. The coordinator calls the same methods directly for
 * its own replica, without a message.
 */
public final class ReplicaService {

  private final Supplier<Schema> schema;
  private final Function<TableMetadata, TableStore> local;
  private final ReadThresholds thresholds;
  private final java.util.function.LongSupplier nowInSeconds;
  private final Function<UUID, java.net.InetAddress> addresses;
  private volatile TablesById tablesById;

  /**
   * @param thresholds the tombstone thresholds data and digest reads respect
   * @param nowInSeconds the node's clock, to tell expired cells (tombstones to a read) from live ones
   * @param addresses each node's broadcast address by host id, for the failures a coordinator reports
   */
  /** Where this replica's requests arrive (and its tracer), once registered. */
  private volatile MessagingEndpoint endpoint;

  public ReplicaService(Supplier<Schema> schema, Function<TableMetadata, TableStore> local, ReadThresholds thresholds,
      java.util.function.LongSupplier nowInSeconds, Function<UUID, java.net.InetAddress> addresses) {
    this.schema = schema;
    this.local = local;
    this.thresholds = thresholds;
    this.nowInSeconds = nowInSeconds;
    this.addresses = addresses;
  }

  /** A node's broadcast address (null when unknown), as READ_FAILURE/WRITE_FAILURE name failed replicas. */
  java.net.InetAddress address(UUID hostId) {
    return addresses.apply(hostId);
  }

  /** Registers the replica verbs' handlers. */
  public void register(MessagingEndpoint endpoint) {
    this.endpoint = endpoint;
    endpoint.handle(Verb.MUTATION, m -> apply((Payloads.Mutation) m.payload()));
    endpoint.handle(Verb.HINT, m -> apply((Payloads.Mutation) m.payload()));
    endpoint.handle(Verb.READ, m -> read((Payloads.Read) m.payload()));
    endpoint.handle(Verb.RANGE_READ, m -> range((Payloads.RangeRead) m.payload()));
    endpoint.handle(Verb.TRUNCATE, m -> truncate((Payloads.Truncate) m.payload()));
    endpoint.handle(Verb.DROP_COLUMN, this::dropColumn);
    endpoint.handle(Verb.STREAM, m -> stream((Payloads.RangesRequest) m.payload()));
    endpoint.handle(Verb.REPAIR_VALIDATE, m -> validate((Payloads.RangesRequest) m.payload()));
  }

  /** Every partition of the table within the ranges, as stored (deleted ones included). */
  Payloads.RangeAnswer stream(Payloads.RangesRequest r) {
    List<PartitionUpdate> out = new ArrayList<>();
    Iterator<PartitionUpdate> it = store(r.tableId()).scanRaw(null, true);
    while (it.hasNext()) {
      PartitionUpdate p = it.next();
      if (dev.ringlet.internal.cluster.TokenRange.anyContains(r.ranges(), p.key().token())) {
        out.add(p);
      }
    }
    return new Payloads.RangeAnswer(out);
  }

  /** The digest of every partition of the table within the ranges, in token order. */
  Payloads.Validation validate(Payloads.RangesRequest r) {
    List<Payloads.KeyDigest> out = new ArrayList<>();
    for (PartitionUpdate p : stream(r).partitions()) {
      out.add(new Payloads.KeyDigest(p.key(), Digests.of(p)));
    }
    return new Payloads.Validation(out);
  }

  /** The node's current schema. */
  Schema schema() {
    return schema.get();
  }

  Payloads.Ack apply(Payloads.Mutation m) {
    store(m.tableId()).apply(m.update());
    return Payloads.Ack.OK;
  }

  /**
   * @throws TombstoneOverwhelmingException when the read scans more tombstones than the failure
   *     threshold (answered as a failure with reason READ_TOO_MANY_TOMBSTONES)
   */
  Payloads.ReadAnswer read(Payloads.Read r) {
    return readCounted(r).answer();
  }

  /** A read's answer and what it scanned (null: nothing stored, or a keyspace exempt from the thresholds). */
  record CountedRead(Payloads.ReadAnswer answer, dev.ringlet.internal.storage.TombstoneCount.SliceCount scanned) {}

  /**
   * Reads as {@link #read} does, and says what the read scanned: only what its command scans (the
   * slice in its walk order up to the row that fills its limit, or only the named rows), as 5.0's
   * replica counts it, so a read that avoids the tombstones neither warns nor fails.
   *
   * @throws TombstoneOverwhelmingException past the failure threshold
   */
  CountedRead readCounted(Payloads.Read r) {
    TableStore store = store(r.tableId());
    TablesById tables = byId();
    TableMetadata table = tables.tables.get(r.tableId());
    dev.ringlet.internal.storage.ClusteringComparator comparator = tables.comparator(table);
    PartitionUpdate data = r.sliced() ? nothingToSay(r.names() == null
        ? store.readRawSlice(r.key(), r.start(), r.end(), comparator)
        : store.readRawNames(r.key(), r.start(), r.end(), comparator, r.names()))
        : store.readRaw(r.key());
    dev.ringlet.internal.storage.TombstoneCount.SliceCount scanned = null;
    int live = 0;
    int tombstones = 0;
    if (data != null && ReadThresholds.applies(table.keyspace())) {
      if (r.filter() != null && r.filter().filtersRows()) {
        // 5.0's replica applies the command's row filter: its limit counts matching rows only.
        FilteredScan.Result counted = FilteredScan.count(r.filter().on(table), data, r.scanned(), r.names(), comparator,
            nowInSeconds.getAsLong());
        scanned = ScanCounter.count(data, r.scanned().withLimit(Integer.MAX_VALUE), r.names(), comparator,
            nowInSeconds.getAsLong());
        live = counted.counts().liveRows();
        tombstones = counted.counts().tombstones();
      } else {
        scanned = ScanCounter.count(data, r.scanned(), r.names(), comparator, nowInSeconds.getAsLong());
        live = scanned.liveRows();
        tombstones = scanned.tombstones();
      }
      if (tombstones > thresholds.failTombstones()) {
        // Cassandra throws at the first tombstone past the threshold: that is the count it reports.
        throw new TombstoneOverwhelmingException(thresholds.failTombstones() + 1,
            Math.min(live, scanned.liveRowsWithin(thresholds.failTombstones())), r.key().token());
      }
    }
    long digest = Digests.of(data);
    Payloads.ReadAnswer answer = r.digestOnly() ? new Payloads.ReadAnswer(null, digest, true, live, tombstones)
        : new Payloads.ReadAnswer(data, digest, false, live, tombstones);
    return new CountedRead(answer, scanned);
  }

  /** The thresholds this node's replica reads respect. */
  ReadThresholds thresholds() {
    return thresholds;
  }

  /**
   * Null for a slice holding nothing (no deletion, static row or row), as for an absent partition:
   * replicas that differ only outside a slice give it the same digest.
   */
  private static PartitionUpdate nothingToSay(PartitionUpdate slice) {
    return slice == null || (slice.rows().isEmpty() && slice.staticRow() == null && slice.rangeTombstones().isEmpty()
        && slice.partitionDeletion().isLive()) ? null : slice;
  }

  /**
   * Every partition from the request's start key on; the replica counts what its command scans,
   * each partition between the clustering bounds, in token order, until the command's limits are
   * met (the partition it resumes in only after the row the last page returned).
   *
   * @throws TombstoneOverwhelmingException past the failure threshold
   */
  Payloads.RangeAnswer range(Payloads.RangeRead r) {
    List<PartitionUpdate> out = new ArrayList<>();
    Iterator<PartitionUpdate> it = store(r.tableId()).scanRaw(r.from(), r.inclusive());
    TableMetadata table = byId().tables.get(r.tableId());
    TombstoneGuard guard = ReadThresholds.applies(table.keyspace()) ? new TombstoneGuard(thresholds) : null;
    dev.ringlet.internal.storage.ClusteringComparator comparator = dev.ringlet.internal.exec.TableComparators.clustering(table);
    long now = nowInSeconds.getAsLong();
    Payloads.ScanLimits limits = r.scan();
    dev.ringlet.internal.storage.RowSlice bounds = r.counted();
    int remaining = limits.limit();
    dev.ringlet.internal.exec.select.RowFilter filter = limits.filter();
    dev.ringlet.internal.exec.select.RowFilter.Rows rows = filter != null && filter.filtersRows() ? filter.on(table) : null;
    while (it.hasNext()) {
      PartitionUpdate p = it.next();
      if (guard != null && remaining > 0 && filter != null && !filter.tokenMatches(p.key().token())) {
        // Outside the command's token range: 5.0's range command ends at its upper bound.
        remaining = filter.tokenPast(p.key().token()) ? 0 : remaining;
      } else if (guard != null && remaining > 0) {
        dev.ringlet.internal.storage.RowSlice counted = countedSlice(r, p, bounds, Math.min(remaining, limits.perPartitionLimit()),
            comparator);
        if (rows == null) {
          remaining -= guard.scanned(p, counted, limits.names(), comparator, now);
        } else if (counted != null) {
          // The replica applies the row filter: the limits count only the rows that pass it.
          FilteredScan.Result result = FilteredScan.count(rows, p, counted, limits.names(), comparator, now);
          guard.scanned(p.key().token(), result.counts());
          remaining -= result.matched();
        }
      }
      out.add(p);
    }
    if (guard != null) {
      trace("Read " + guard.liveRows() + " live rows and " + guard.tombstones() + " tombstone cells");
    }
    return new Payloads.RangeAnswer(out, guard == null ? 0 : guard.tombstones());
  }

  /** Records a 5.0 replica event in the traced request this thread serves, if any. */
  private void trace(String activity) {
    MessagingEndpoint e = endpoint;
    dev.ringlet.internal.trace.Tracer t = e == null ? null : e.tracer();
    if (t != null) {
      t.trace(activity);
    }
  }

  /** What a range command scans of the partition {@code p}: null when it skips it. */
  private static dev.ringlet.internal.storage.RowSlice countedSlice(Payloads.RangeRead r, PartitionUpdate p,
      dev.ringlet.internal.storage.RowSlice bounds, int limit, dev.ringlet.internal.storage.ClusteringComparator comparator) {
    Payloads.ScanLimits limits = r.scan();
    if (r.from() != null && p.key().equals(r.from())) {
      if (limits.skipFrom()) {
        return null;
      }
      if (limits.resumeAfter() != null) {
        return ScanCounter.resumedAfter(bounds, limits.resumeAfter(), comparator).withLimit(limit);
      }
    }
    return bounds.withLimit(limit);
  }

  Payloads.Ack truncate(Payloads.Truncate t) {
    store(t.tableId()).truncate();
    return Payloads.Ack.OK;
  }

  private Object dropColumn(Message m) {
    Payloads.DropColumn d = (Payloads.DropColumn) m.payload();
    store(d.tableId()).dropColumn(d.column(), d.timestampMicros());
    return Payloads.Ack.OK;
  }

  private TableStore store(UUID tableId) {
    TableMetadata table = byId().tables.get(tableId);
    if (table == null) {
      // As 5.0's UnknownTableException: the replica answers a failure with reason INCOMPATIBLE_SCHEMA.
      throw new IllegalStateException(dev.ringlet.internal.cluster.FailureReason.INCOMPATIBLE_SCHEMA.name() + " unknown table id "
          + tableId + " (expected: a table of this node's schema)");
    }
    return local.apply(table);
  }

  /** The tables of one schema snapshot by id, and their clustering comparators as reads ask for them. */
  private static final class TablesById {
    final Schema schema;
    final Map<UUID, TableMetadata> tables = new HashMap<>();
    final Map<UUID, dev.ringlet.internal.storage.ClusteringComparator> comparators = new ConcurrentHashMap<>();

    TablesById(Schema schema) {
      this.schema = schema;
      for (KeyspaceMetadata ks : schema.keyspaces().values()) {
        for (TableMetadata t : ks.tables().values()) {
          tables.put(t.id(), t);
        }
      }
    }

    dev.ringlet.internal.storage.ClusteringComparator comparator(TableMetadata table) {
      return comparators.computeIfAbsent(table.id(), id -> dev.ringlet.internal.exec.TableComparators.clustering(table));
    }
  }

  /** The current schema's tables by id: a lookup per replica request instead of a walk of every table. */
  private TablesById byId() {
    Schema current = schema.get();
    TablesById t = tablesById;
    if (t == null || t.schema != current) {
      t = new TablesById(current);
      tablesById = t;
    }
    return t;
  }

  /** The table with this id in the current schema, or null. */
  TableMetadata table(UUID tableId) {
    return byId().tables.get(tableId);
  }

  static TableMetadata table(Schema schema, UUID tableId) {
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata t : ks.tables().values()) {
        if (t.id().equals(tableId)) {
          return t;
        }
      }
    }
    return null;
  }
}
