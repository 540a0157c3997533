package dev.ringlet.internal.gossip;

/**
 * One step of a membership change of a multi-process cluster (verb {@code RING_CHANGE}), sent by the
 * process that runs the change to every other member, which answers {@code true} once the step is in
 * force there (or fails, e.g. when another change is under way).
 *
 * @param member the node that joins or leaves
 */
public record RingChange(Kind kind, MemberInfo member) {

  /** The steps, in the order a change takes them (see {@code ProcessMembership}). */
  public enum Kind {
    /** The member bootstraps: its future ranges become pending (coordinators write to it too). */
    BEGIN_JOIN,
    /** The member finished bootstrapping: it is NORMAL (peers, token map, NEW_NODE to drivers). */
    COMPLETE_JOIN,
    /** The member leaves (decommission, or removenode of a dead one): its ranges become pending on their new replicas. */
    BEGIN_LEAVE,
    /** Fetch what this node gains from the leaving member's ranges; every range must be streamed (decommission). Answered with the partition count. */
    FETCH_STRICT,
    /** As {@link #FETCH_STRICT}, skipping ranges no live replica holds (removenode: they are lost, as in Cassandra). */
    FETCH,
    /** The member left the ring: forget it (REMOVED_NODE to drivers). */
    COMPLETE_LEAVE,
    /** The change failed: nothing is pending any more. */
    ABORT
  }
}
