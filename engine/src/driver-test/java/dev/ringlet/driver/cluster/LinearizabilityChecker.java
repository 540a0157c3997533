package dev.ringlet.driver.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that a history of compare-and-set operations on one register is linearizable (Wing &amp;
 * Gong's search with memoisation of (linearized set, value)). An operation has an invocation and a
 * response time; one whose outcome is unknown (timeout) may take effect at any point after its
 * invocation, or never.
 */
final class LinearizabilityChecker {

  /** What an operation observed. */
  enum Outcome {
    /** Its condition held and it wrote. */
    APPLIED,
    /** Its condition failed; {@code observed} is the value it saw. */
    NOT_APPLIED,
    /** No answer (timeout): it may or may not have written. */
    UNKNOWN
  }

  /**
   * {@code expected == null} means "IF NOT EXISTS"; {@code observed} is the value a not-applied
   * operation saw (null: no row).
   */
  record Op(int client, Integer expected, int value, long invoked, long returned, Outcome outcome, Integer observed) {}

  private final List<Op> ops;
  private final Set<String> seen = new HashSet<>();

  private LinearizabilityChecker(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  static boolean isLinearizable(List<Op> history) {
    return new LinearizabilityChecker(history).search(new BitSet(), null);
  }

  private boolean search(BitSet done, Integer register) {
    if (done.cardinality() == ops.size()) {
      return true;
    }
    boolean onlyUnknownLeft = true;
    long earliestReturn = Long.MAX_VALUE;
    for (int i = 0; i < ops.size(); i++) {
      if (!done.get(i) && ops.get(i).outcome() != Outcome.UNKNOWN) {
        onlyUnknownLeft = false;
        earliestReturn = Math.min(earliestReturn, ops.get(i).returned());
      }
    }
    if (onlyUnknownLeft) {
      return true; // unknown operations may never have happened
    }
    String key = done + "|" + register;
    if (!seen.add(key)) {
      return false;
    }
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (done.get(i) || op.invoked() > earliestReturn) {
        continue; // something that returned before this started must come first
      }
      boolean holds = Objects.equals(op.expected(), register);
      List<Integer> outcomes = new ArrayList<>();
      switch (op.outcome()) {
        case APPLIED:
          if (holds) {
            outcomes.add(op.value());
          }
          break;
        case NOT_APPLIED:
          if (!holds && Objects.equals(op.observed(), register)) {
            outcomes.add(register);
          }
          break;
        default:
          outcomes.add(holds ? op.value() : register); // it took effect here
          break;
      }
      for (Integer next : outcomes) {
        done.set(i);
        boolean ok = search(done, next);
        done.clear(i);
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }
}
