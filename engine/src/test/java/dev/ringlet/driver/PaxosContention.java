package dev.ringlet.driver;

import java.util.List;

/**
 * The Paxos contention scenarios recorded from a 3-node Cassandra 5.0.9 cluster by
 * {@link PaxosContentionRecorder} (into {@code tracing/cluster-events-5.0.9.txt}) and replayed on
 * Ringlet with message rules by {@link DriverPaxosContentionTest}: each a conditional update of row
 * {@code (key, 1)} of {@code trace_cl.lines}, traced on node 1 after the interleaving its name says.
 */
final class PaxosContention {

  /** Node 3 missed the most recent commit; node 2 is down: node 1 repairs node 3, then starts over. */
  static final String REPAIR = "paxos_repair_missed_commit";
  static final int REPAIR_KEY = 10;
  /** A proposal accepted by nodes 1 and 2 was never committed (ALL was Unavailable); node 3 is down. */
  static final String FINISH = "paxos_finish_incomplete_round";
  static final int FINISH_KEY = 20;
  /** Nodes 2 and 3 promised a higher ballot of node 2's round, which node 1 missed. */
  static final String REFUSED = "paxos_prepare_refused";
  static final int REFUSED_KEY = 30;
  /** Node 2's round came between node 1's prepare and its proposal, which every replica refused. */
  static final String PRE_EMPTED = "paxos_proposal_pre_empted";
  static final int PRE_EMPTED_KEY = 40;

  /** The coordinator's steps of {@link #PRE_EMPTED}, normalised. */
  static final List<String> PRE_EMPTED_STEPS = List.of(
      "Preparing <uuid>",
      "Reading existing values for CAS precondition",
      "CAS precondition is met; proposing client-requested updates for <uuid>",
      "Paxos proposal not accepted (pre-empted by a higher ballot)",
      "Preparing <uuid>",
      "Reading existing values for CAS precondition",
      "CAS precondition is met; proposing client-requested updates for <uuid>",
      "CAS applied successfully");

  private PaxosContention() {}

  /** The row the scenario updates, written through Paxos by every replica. */
  static List<String> setup(int key) {
    return List.of("INSERT INTO trace_cl.lines (p, c, v) VALUES (" + key + ", 1, 'a') IF NOT EXISTS");
  }

  /** Sets {@code v} of row (key, 1) if it is {@code expected} (null: if the row exists). */
  static String update(int key, String v, String expected) {
    return "UPDATE trace_cl.lines SET v = '" + v + "' WHERE p = " + key + " AND c = 1 IF "
        + (expected == null ? "EXISTS" : "v = '" + expected + "'");
  }

  /** A coordinator's Paxos step, as the steps are compared in order. */
  static boolean isStep(String activity) {
    return activity.startsWith("Preparing ") && !activity.equals("Preparing statement")
        || activity.startsWith("Reading existing values") || activity.startsWith("CAS ")
        || activity.startsWith("Some replicas") || activity.startsWith("Paxos proposal") || activity.startsWith("Finishing ")
        || activity.startsWith("Repairing ");
  }
}
