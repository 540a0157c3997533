package dev.ringlet.internal.storage;

/**
 * Shadowable row deletions (Cassandra's {@code Row.Deletion.shadowable}, written by materialized
 * views), as pure functions. A row keeps its regular and its shadowable deletion apart, each the
 * latest of its kind; the shadowable one is <em>shadowed</em>, and dropped, once the row's liveness
 * has a newer timestamp (5.0's {@code isShadowedBy}). Liveness timestamps only grow as versions
 * merge, so a dropped deletion would have stayed shadowed, and the result does not depend on the
 * order the versions of a row are merged in; a regular deletion never disappears.
 */
public final class RowDeletions {

  private RowDeletions() {}

  /**
   * The shadowable deletion of a merge of two versions, given the merged liveness: the later of
   * the two, or {@link DeletionTime#LIVE} when the liveness is newer than it.
   */
  public static DeletionTime mergeShadowable(DeletionTime a, DeletionTime b, LivenessInfo mergedLiveness) {
    DeletionTime latest = DeletionTime.max(a, b);
    return isShadowedBy(latest, mergedLiveness) ? DeletionTime.LIVE : latest;
  }

  /** Whether a shadowable deletion no longer applies because the row's liveness is newer. */
  public static boolean isShadowedBy(DeletionTime shadowable, LivenessInfo liveness) {
    return !shadowable.isLive() && !liveness.isEmpty() && liveness.timestamp() > shadowable.markedForDeleteAt();
  }
}
