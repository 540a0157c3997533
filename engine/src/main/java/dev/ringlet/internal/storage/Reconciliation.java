package dev.ringlet.internal.storage;

/**
 * Last-write-wins between two versions of one cell, with Cassandra's tie-breaks, so that every
 * replica picks the same winner whatever the order it saw the writes in:
 *
 * <ol>
 *   <li>the higher timestamp wins;
 *   <li>on a tie, a tombstone or expiring cell beats a regular cell (CASSANDRA-14592);
 *   <li>a tombstone beats an expiring cell;
 *   <li>two tombstones or two expiring cells: the later local deletion time wins;
 *   <li>otherwise the greater value (unsigned bytes) wins.
 * </ol>
 *
 * Two live counter cells are not versions but counter states: their {@link CounterContext}s merge
 * (shards by highest clock, unsharded increments added).
 */
public final class Reconciliation {

  private Reconciliation() {}

  public static Cell reconcile(Cell left, Cell right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    if (left.counter() && right.counter()) {
      return Cell.counter(left.counterContext().merge(right.counterContext()), Math.max(left.timestamp(), right.timestamp()));
    }
    if (left.timestamp() != right.timestamp()) {
      return left.timestamp() > right.timestamp() ? left : right;
    }
    boolean leftDeletes = left.localDeletionTime() != Cell.NO_DELETION_TIME;
    boolean rightDeletes = right.localDeletionTime() != Cell.NO_DELETION_TIME;
    if (leftDeletes || rightDeletes) {
      if (leftDeletes != rightDeletes) {
        return leftDeletes ? left : right;
      }
      if (left.isTombstone() != right.isTombstone()) {
        return left.isTombstone() ? left : right;
      }
      if (left.localDeletionTime() != right.localDeletionTime()) {
        return left.localDeletionTime() > right.localDeletionTime() ? left : right;
      }
      if (left.isTombstone()) {
        return left;
      }
    }
    return left.value().compareTo(right.value()) >= 0 ? left : right;
  }

  /** Row liveness (the INSERT marker) reconciles like a cell: later timestamp, then expiring. */
  public static LivenessInfo reconcile(LivenessInfo left, LivenessInfo right) {
    if (left.isEmpty()) {
      return right;
    }
    if (right.isEmpty()) {
      return left;
    }
    if (left.timestamp() != right.timestamp()) {
      return left.timestamp() > right.timestamp() ? left : right;
    }
    if (left.isExpiring() != right.isExpiring()) {
      return left.isExpiring() ? left : right;
    }
    return left.expiresAt() >= right.expiresAt() ? left : right;
  }
}
