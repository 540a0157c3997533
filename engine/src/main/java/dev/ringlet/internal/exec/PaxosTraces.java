package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.TombstoneCount;
import dev.ringlet.internal.trace.Tracer;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events 5.0's Paxos ({@code paxos_variant: v1}, its default) traces, in its words: the
 * coordinator's ({@code StorageProxy}: "Preparing", "Reading existing values for CAS precondition",
 * the condition's outcome, "CAS applied successfully") and each replica's ({@code PaxosState}: its
 * state's first read from {@code system.paxos}, "Promising ballot", "Accepting proposal",
 * "Committing proposal", and the writes to {@code system.paxos}). A ballot is a time UUID; a
 * proposal prints as 5.0's {@code Commit.toString} and the partition a failed condition read as
 * 5.0's {@code FilteredPartition.toString}. Pure functions of their arguments but for the tracer.
 */
public final class PaxosTraces {

  /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
  /** 5.0's {@code EncodingStats.TIMESTAMP_EPOCH} (2015-09-22): an empty update's minimum timestamp. */
  private static final long TIMESTAMP_EPOCH = 1442880000000000L;
  /** 5.0's local deletion time of a live deletion ({@code Cell.NO_DELETION_TIME}, an int). */
  private static final long LIVE_LOCAL_DELETION = Integer.MAX_VALUE;

  /**
   * What a conditional write's read of the current values fetches, as 5.0's {@code CQL3CasRequest}:
   * the rows its conditions name (none when only static columns have conditions: then the first
   * row of the partition) and the columns (all static ones if it writes the static row, else those
   * of its static conditions; all regular ones if it writes rows, else those of its conditions).
   */
  public record CasRead(List<Clustering> names, List<ColumnMetadata> columns) {
    public CasRead {
      names = List.copyOf(names);
      columns = List.copyOf(columns);
    }

    /**
     * @param writesRows whether a statement writes regular rows (the table has no clustering
     *     columns, or they are given)
     * @param writesStatic whether a statement writes a static column
     * @param conditionColumns the columns the conditions test
     */
    public static CasRead of(TableMetadata table, List<Clustering> names, boolean writesRows, boolean writesStatic,
        java.util.Collection<ColumnMetadata> conditionColumns) {
      List<ColumnMetadata> columns = new ArrayList<>();
      for (ColumnMetadata c : table.columnsInDescribeOrder()) {
        if (c.isPrimaryKey()) {
          continue;
        }
        boolean all = c.isStatic() ? writesStatic : writesRows;
        if (all || conditionColumns.contains(c)) {
          columns.add(c);
        }
      }
      return new CasRead(names, columns);
    }

    /** 5.0 reads names in timestamp order (its names-query events) unless it fetches a multi-cell or counter column. */
    public boolean namesQuery() {
      if (names.isEmpty()) {
        return false;
      }
      for (ColumnMetadata c : columns) {
        if (c.type().isMultiCell() || c.type() == NativeType.COUNTER) {
          return false;
        }
      }
      return true;
    }
  }

  private PaxosTraces() {}

  /** A ballot as 5.0 prints it: a time UUID at {@code micros}, its node bits from {@code proposer}. */
  public static UUID ballot(long micros, UUID proposer) {
    long ticks = micros * 10 + UUID_EPOCH_OFFSET;
    long msb = (ticks << 32) | ((ticks >>> 16) & 0xFFFF0000L) | 0x1000L | ((ticks >>> 48) & 0x0FFFL);
    return new UUID(msb, 0x8000000000000000L | (proposer.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL));
  }

  /** The coordinator, starting a round. */
  public static void preparing(Tracer tracer, UUID ballot) {
    tracer.trace("Preparing " + ballot);
  }

  /**
   * A replica promising {@code ballot}: the first time it handles the partition (5.0 keeps recent
   * states in memory), the read of its state from {@code system.paxos}; then the promise and its save.
   */
  public static void promising(Tracer tracer, UUID ballot, boolean firstRead) {
    if (firstRead) {
      stateRead(tracer);
    }
    tracer.trace("Promising ballot " + ballot);
    savedPaxosState(tracer);
  }

  /** A replica's first read of a partition's Paxos state from {@code system.paxos} (none stored yet). */
  public static void stateRead(Tracer tracer) {
    tracer.trace("Executing single-partition query on paxos");
    tracer.trace("Acquiring sstable references");
    tracer.trace("Merging memtable contents");
    tracer.trace("Read 0 live rows and 0 tombstone cells");
  }

  /** The coordinator, when a prepare or a replayed proposal did not get enough promises or acceptances. */
  public static void preempted(Tracer tracer) {
    tracer.trace("Some replicas have already promised a higher ballot than ours; aborting");
  }

  /**
   * A replica refusing a prepare (5.0's {@code PaxosState.legacyPrepare}): the prepare as the empty
   * {@code Commit} it travels as, and the ballot the replica promised.
   */
  public static void promiseRejected(Tracer tracer, TableMetadata table, UUID ballot, DecoratedKey key, UUID promised) {
    tracer.trace("Promise rejected; " + commit("Commit", table, ballot, new PartitionUpdate(key, DeletionTime.LIVE, List.of(),
        null, List.of())) + " is not sufficiently newer than " + promised);
  }

  /** A replica refusing a proposal (5.0's {@code PaxosState.legacyPropose}) below the ballot it promised. */
  public static void rejectingProposal(Tracer tracer, TableMetadata table, UUID ballot, PartitionUpdate update, UUID promised) {
    tracer.trace("Rejecting proposal for " + commit("Accepted", table, ballot, update) + " because inProgress is now " + promised);
  }

  /** The coordinator, when nobody accepted its proposal. */
  public static void notAccepted(Tracer tracer) {
    tracer.trace("Paxos proposal not accepted (pre-empted by a higher ballot)");
  }

  /** The coordinator, replaying a proposal accepted in an earlier round. */
  public static void finishing(Tracer tracer, TableMetadata table, UUID ballot, PartitionUpdate update) {
    tracer.trace("Finishing incomplete paxos round " + commit("Accepted", table, ballot, update));
  }

  /** The coordinator, sending the most recent commit to the replicas that promised without it. */
  public static void repairingCommits(Tracer tracer) {
    tracer.trace("Repairing replicas that missed the most recent commit");
  }

  /** A write to {@code system.paxos} (a durable keyspace). */
  public static void savedPaxosState(Tracer tracer) {
    tracer.trace("Appending to commitlog");
    tracer.trace("Adding to paxos memtable");
  }

  /**
   * On a node alone: the coordinator's read of the current values and its events on the replica: the names
   * or the slice read, and the rows and tombstones it read.
   *
   * @param raw the partition as stored (null: none)
   * @param current the partition as the read sees it
   */
  public static void readingExisting(Tracer tracer, TableMetadata table, CasRead read, PartitionUpdate raw,
      LivePartition current, int sstables, long nowInSeconds) {
    readingExisting(tracer);
    tracer.trace("Executing single-partition query on " + table.name());
    tracer.trace("Acquiring sstable references");
    if (read.namesQuery()) {
      tracer.trace("Merging memtable contents");
    } else {
      tracer.trace("Skipped 0/" + sstables + " non-slice-intersecting sstables, included 0 due to tombstones");
      if (raw != null) {
        tracer.trace("Merged data from memtables and " + sstables + " sstables");
      }
    }
    int tombstones = 0;
    if (raw != null) {
      ClusteringComparator comparator = TableComparators.clustering(table);
      tombstones = (read.names().isEmpty() ? TombstoneCount.of(raw, RowSlice.ALL, comparator, nowInSeconds)
          : TombstoneCount.ofNames(raw, read.names(), RowSlice.ALL, comparator, nowInSeconds)).tombstones();
    }
    Filtered filtered = filter(table, read, current);
    int live = filtered.rows().size() + (filtered.staticRow() == null ? 0 : 1);
    tracer.trace("Read " + live + " live rows and " + tombstones + " tombstone cells");
  }

  /** The coordinator, before it reads the current values (its read's own events follow). */
  public static void readingExisting(Tracer tracer) {
    tracer.trace("Reading existing values for CAS precondition");
  }

  /** The coordinator, when the condition failed: the values it read. */
  public static void notMatching(Tracer tracer, TableMetadata table, CasRead read, DecoratedKey key, LivePartition current) {
    tracer.trace("CAS precondition does not match current values " + current(table, read, key, current));
  }

  /** The coordinator, proposing (what it decided, or an empty update when its condition failed or it reads). */
  public static void proposing(Tracer tracer, UUID ballot) {
    tracer.trace("CAS precondition is met; proposing client-requested updates for " + ballot);
  }

  /** A replica accepting a proposal, and saving it. */
  public static void accepting(Tracer tracer, TableMetadata table, UUID ballot, PartitionUpdate update) {
    tracer.trace("Accepting proposal " + commit("Accepted", table, ballot, update));
    savedPaxosState(tracer);
  }

  /** A replica committing a proposal; its write to the table and then to {@code system.paxos} follow. */
  public static void committing(Tracer tracer, TableMetadata table, UUID ballot, PartitionUpdate update) {
    tracer.trace("Committing proposal " + commit("Committed", table, ballot, update));
  }

  /** The coordinator's last event. */
  public static void outcome(Tracer tracer, boolean applied) {
    tracer.trace(applied ? "CAS applied successfully" : "CAS did not apply");
  }

  /** 5.0's {@code Commit.toString}: {@code Kind(uuidTicks:ballot, minTimestamp:update)}. */
  static String commit(String kind, TableMetadata table, UUID ballot, PartitionUpdate update) {
    return kind + "(" + ballot.timestamp() + ":" + ballot + ", " + minTimestamp(update) + ":" + update(table, update) + ")";
  }

  /** 5.0's {@code PartitionUpdate.toString(false)}: the key, then each row's clustering and values. */
  static String update(TableMetadata table, PartitionUpdate update) {
    StringBuilder b = new StringBuilder("key=").append(keyString(table, update.key().key()));
    if (update.staticRow() != null) {
      b.append("\n    ").append(row(table, "STATIC", update.staticRow()));
    }
    for (RowUpdate r : update.rows()) {
      b.append("\n    ").append(row(table, clustering(table, r.clustering()), r));
    }
    return b.toString();
  }

  private static String row(TableMetadata table, String clustering, RowUpdate row) {
    StringBuilder b = new StringBuilder("Row: ").append(clustering).append(" | ");
    boolean first = true;
    for (ColumnMetadata c : table.columnsInDescribeOrder()) {
      Cell cell = row.cells().get(c.name());
      ComplexColumn complex = row.complex().get(c.name());
      if (cell == null && complex == null) {
        continue;
      }
      if (!first) {
        b.append(", ");
      }
      first = false;
      b.append(c.name()).append('=');
      if (cell != null) {
        b.append(cell.isTombstone() ? "<tombstone>" : valueString(c.type(), cell.value()));
      } else {
        List<String> elements = new ArrayList<>();
        for (Map.Entry<ByteBuffer, Cell> e : sortedPaths(c.type(), complex.cells())) {
          elements.add(valueString(pathType(c.type()), e.getKey()) + " -> "
              + (e.getValue().isTombstone() ? "" : valueString(elementValueType(c.type()), e.getValue().value())));
        }
        b.append('{').append(String.join(", ", elements)).append('}');
      }
    }
    return b.toString();
  }

  /** The smallest timestamp of an update (5.0's {@code EncodingStats.minTimestamp}). */
  private static long minTimestamp(PartitionUpdate u) {
    long min = Long.MAX_VALUE;
    if (!u.partitionDeletion().isLive()) {
      min = u.partitionDeletion().markedForDeleteAt();
    }
    for (dev.ringlet.internal.storage.RangeTombstone rt : u.rangeTombstones()) {
      min = Math.min(min, rt.deletion().markedForDeleteAt());
    }
    List<RowUpdate> rows = new ArrayList<>(u.rows());
    if (u.staticRow() != null) {
      rows.add(u.staticRow());
    }
    for (RowUpdate r : rows) {
      if (!r.liveness().isEmpty()) {
        min = Math.min(min, r.liveness().timestamp());
      }
      if (!r.deletion().isLive()) {
        min = Math.min(min, r.deletion().markedForDeleteAt());
      }
      for (Cell c : r.cells().values()) {
        min = Math.min(min, c.timestamp());
      }
      for (ComplexColumn c : r.complex().values()) {
        if (!c.deletion().isLive()) {
          min = Math.min(min, c.deletion().markedForDeleteAt());
        }
        for (Cell e : c.cells().values()) {
          min = Math.min(min, e.timestamp());
        }
      }
    }
    return min == Long.MAX_VALUE ? TIMESTAMP_EPOCH : min;
  }

  /** The rows (and static row, null for none) of the current partition that the CAS read returns. */
  private record Filtered(LiveRow staticRow, List<LiveRow> rows) {}

  private static Filtered filter(TableMetadata table, CasRead read, LivePartition current) {
    if (current == null) {
      return new Filtered(null, List.of());
    }
    LiveRow staticRow = null;
    if (hasFetched(read, current.staticRow(), true)) {
      staticRow = current.staticRow();
    }
    List<LiveRow> rows = new ArrayList<>();
    for (LiveRow r : current.rows()) {
      if (read.names().isEmpty() ? rows.isEmpty() : read.names().contains(r.clustering())) {
        if (!r.liveness().isEmpty() || hasFetched(read, r, false)) {
          rows.add(r);
        }
      }
    }
    return new Filtered(staticRow, rows);
  }

  private static boolean hasFetched(CasRead read, LiveRow row, boolean statics) {
    for (ColumnMetadata c : read.columns()) {
      if (c.isStatic() == statics && (row.cell(c.name()) != null || !row.elements(c.name()).isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /**
   * 5.0's {@code FilteredPartition.toString()} of what the CAS read returned: the table, key, a
   * live partition deletion and the fetched columns (none when nothing was found), then each row
   * with its liveness and cells.
   */
  static String current(TableMetadata table, CasRead read, DecoratedKey key, LivePartition current) {
    Filtered filtered = filter(table, read, current);
    boolean found = filtered.staticRow() != null || !filtered.rows().isEmpty();
    List<String> statics = new ArrayList<>();
    List<String> regulars = new ArrayList<>();
    if (found) {
      for (ColumnMetadata c : read.columns()) {
        (c.isStatic() ? statics : regulars).add(c.name());
      }
    }
    StringBuilder b = new StringBuilder("[").append(table.keyspace()).append('.').append(table.name()).append("] key=")
        .append(keyString(table, key.key()))
        .append(" partition_deletion=").append(deletion(DeletionTime.LIVE))
        .append(" columns=[[").append(String.join(" ", statics)).append("] | [").append(String.join(" ", regulars))
        .append("]]");
    if (filtered.staticRow() != null) {
      b.append("\n    ").append(fullRow(table, read, "STATIC", filtered.staticRow(), true));
    }
    for (LiveRow r : filtered.rows()) {
      b.append("\n    ").append(fullRow(table, read, clustering(table, r.clustering()), r, false));
    }
    return b.toString();
  }

  private static String fullRow(TableMetadata table, CasRead read, String clustering, LiveRow row, boolean statics) {
    StringBuilder b = new StringBuilder("Row[info=").append(liveness(row.liveness())).append(" ]: ").append(clustering)
        .append(" | ");
    boolean first = true;
    for (ColumnMetadata c : read.columns()) {
      if (c.isStatic() != statics) {
        continue;
      }
      Cell cell = row.cell(c.name());
      Map<ByteBuffer, Cell> elements = row.elements(c.name());
      if (cell == null && elements.isEmpty()) {
        continue;
      }
      if (!first) {
        b.append(", ");
      }
      first = false;
      if (cell != null) {
        b.append('[').append(c.name()).append('=').append(valueString(c.type(), cell.value())).append(' ')
            .append(cellLiveness(cell)).append(']');
      } else {
        for (Map.Entry<ByteBuffer, Cell> e : sortedPaths(c.type(), elements)) {
          b.append(", [").append(c.name()).append('[').append(valueString(pathType(c.type()), e.getKey())).append("]=")
              .append(valueString(elementValueType(c.type()), e.getValue().value())).append(' ')
              .append(cellLiveness(e.getValue())).append(']');
        }
      }
    }
    return b.toString();
  }

  private static String liveness(LivenessInfo info) {
    if (info.isExpiring()) {
      return "[ts=" + info.timestamp() + " ttl=" + info.ttl() + ", let=" + info.expiresAt() + "]";
    }
    return "[ts=" + info.timestamp() + "]";
  }

  private static String cellLiveness(Cell cell) {
    if (cell.isExpiring()) {
      return "ts=" + cell.timestamp() + " ttl=" + cell.ttl() + " ldt=" + cell.localDeletionTime();
    }
    return "ts=" + cell.timestamp();
  }

  private static String deletion(DeletionTime d) {
    return "deletedAt=" + d.markedForDeleteAt() + ", localDeletion="
        + (d.isLive() ? LIVE_LOCAL_DELETION : d.localDeletionTime());
  }

  /** 5.0's {@code Clustering.toString(metadata)}: {@code c1=v1, c2=v2}, or {@code EMPTY} without clustering columns. */
  private static String clustering(TableMetadata table, Clustering c) {
    if (table.clustering().isEmpty()) {
      return "EMPTY";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < c.size(); i++) {
      ColumnMetadata column = table.clustering().get(i);
      b.append(i == 0 ? "" : ", ").append(column.name()).append('=')
          .append(c.get(i) == null ? "null" : valueString(column.type(), c.get(i)));
    }
    return b.toString();
  }

  /** The partition key as 5.0's key type prints it; a composite key's components joined by ':'. */
  private static String keyString(TableMetadata table, ByteBuffer key) {
    if (table.partitionKey().size() == 1) {
      return valueString(table.partitionKey().get(0).type(), key);
    }
    List<ByteBuffer> parts = PartitionKeys.split(table, key);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      out.add(valueString(table.partitionKey().get(i).type(), parts.get(i)).replace(":", "\\:"));
    }
    return String.join(":", out);
  }

  /** The type of a complex column's cell paths: set elements, map keys, list timeuuids. */
  private static CqlType pathType(CqlType type) {
    if (type instanceof SetType s) {
      return s.element();
    }
    if (type instanceof MapType m) {
      return m.key();
    }
    return NativeType.TIMEUUID;
  }

  /** The type of a complex column's cell values; null for a set's (empty) values. */
  private static CqlType elementValueType(CqlType type) {
    if (type instanceof MapType m) {
      return m.value();
    }
    if (type instanceof ListType l) {
      return l.element();
    }
    return null;
  }

  private static List<Map.Entry<ByteBuffer, Cell>> sortedPaths(CqlType type, Map<ByteBuffer, Cell> cells) {
    List<Map.Entry<ByteBuffer, Cell>> sorted = new ArrayList<>(cells.entrySet());
    CqlType paths = pathType(type);
    if (type instanceof SetType || type instanceof MapType || type instanceof ListType) {
      sorted.sort((a, b) -> paths.compare(a.getKey(), b.getKey()));
    } else {
      sorted.sort(Map.Entry.comparingByKey());
    }
    return sorted;
  }

  /**
   * A value as 5.0's {@code AbstractType.getString} prints it: text as is, blobs in hex, numbers,
   * booleans, UUIDs and addresses as Java prints them; other types as their CQL literal.
   */
  static String valueString(CqlType type, ByteBuffer value) {
    if (type == null || value == null || !value.hasRemaining() && type != NativeType.TEXT && type != NativeType.ASCII) {
      return "";
    }
    if (type instanceof NativeType n) {
      switch (n) {
        case TEXT:
        case ASCII:
        case INT:
        case BIGINT:
        case SMALLINT:
        case TINYINT:
        case VARINT:
        case COUNTER:
        case BOOLEAN:
        case UUID:
        case TIMEUUID:
        case FLOAT:
        case DOUBLE:
        case DECIMAL:
          return String.valueOf(n.decode(value.duplicate()));
        case BLOB:
          ByteBuffer d = value.duplicate();
          byte[] bytes = new byte[d.remaining()];
          d.get(bytes);
          return HexFormat.of().formatHex(bytes);
        case INET:
          return ((java.net.InetAddress) n.decode(value.duplicate())).getHostAddress();
        default:
          break;
      }
    }
    return type.toCqlLiteral(value.duplicate());
  }
}
