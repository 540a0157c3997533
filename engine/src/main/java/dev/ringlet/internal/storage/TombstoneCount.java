package dev.ringlet.internal.storage;

/**
 * How many live rows and tombstones a read scans in one partition, counted as Cassandra 5.0's
 * read path counts them for {@code tombstone_warn_threshold}/{@code tombstone_failure_threshold}
 * ({@code ReadCommand}'s metric recording): every range tombstone is two markers (its open and
 * close bounds); in each row (the static row too) every cell that is not live (a tombstone or an
 * expired cell) counts one; a row with no live data and no such cell but a deletion of its own (a
 * row tombstone) counts one. What a newer partition, range or row deletion shadows is not seen by
 * the read, so it is not counted. A pure function of the stored partition.
 */
public final class TombstoneCount {

  private TombstoneCount() {}

  /** The live rows and tombstones of the stored partition {@code p} read at {@code nowInSeconds}. */
  public static Counts of(PartitionUpdate p, ClusteringComparator comparator, long nowInSeconds) {
    DeletionTime partition = p.partitionDeletion();
    int live = 0;
    int tombstones = 0;
    for (RangeTombstone rt : p.rangeTombstones()) {
      if (!partition.isLive() && partition.compareTo(rt.deletion()) >= 0) {
        continue;
      }
      tombstones += 2;
    }
    java.util.List<RowUpdate> rows = new java.util.ArrayList<>(p.rows().size() + 1);
    if (p.staticRow() != null) {
      rows.add(p.staticRow());
    }
    rows.addAll(p.rows());
    for (RowUpdate row : rows) {
      DeletionTime outer = partition;
      for (RangeTombstone rt : p.rangeTombstones()) {
        if (row != p.staticRow() && comparator.contains(rt.start(), rt.end(), row.clustering())) {
          outer = DeletionTime.max(outer, rt.deletion());
        }
      }
      int rowTombstones = 0;
      boolean liveData = false;
      boolean deletion = false;
      DeletionTime rowDeletion = row.deletion();
      if (!rowDeletion.isLive() && (outer.isLive() || rowDeletion.compareTo(outer) > 0)) {
        deletion = true;
      }
      DeletionTime effective = DeletionTime.max(outer, rowDeletion);
      LivenessInfo liveness = row.liveness();
      if (!liveness.isEmpty() && !effective.deletes(liveness.timestamp())) {
        liveData |= liveness.isLive(nowInSeconds);
        deletion |= !liveness.isLive(nowInSeconds);
      }
      for (Cell c : row.cells().values()) {
        if (effective.deletes(c.timestamp())) {
          continue;
        }
        if (c.isLive(nowInSeconds)) {
          liveData = true;
        } else {
          rowTombstones++;
        }
      }
      for (ComplexColumn column : row.complex().values()) {
        DeletionTime columnDeletion = DeletionTime.max(effective, column.deletion());
        if (!column.deletion().isLive() && column.deletion().compareTo(effective) > 0) {
          deletion = true;
        }
        for (Cell c : column.cells().values()) {
          if (columnDeletion.deletes(c.timestamp())) {
            continue;
          }
          if (c.isLive(nowInSeconds)) {
            liveData = true;
          } else {
            rowTombstones++;
          }
        }
      }
      tombstones += rowTombstones;
      if (liveData) {
        live++;
      } else if (deletion && rowTombstones == 0) {
        tombstones++;
      }
    }
    return new Counts(live, tombstones);
  }

  /** Live rows and tombstones scanned. */
  public record Counts(int liveRows, int tombstones) {

    public static final Counts NONE = new Counts(0, 0);

    public Counts plus(Counts other) {
      return new Counts(liveRows + other.liveRows, tombstones + other.tombstones);
    }
  }
}
