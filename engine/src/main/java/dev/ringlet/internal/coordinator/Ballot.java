package dev.ringlet.internal.coordinator;

import java.util.UUID;

/** A Paxos ballot: microseconds, then the proposing node to break ties. Totally ordered, unique per proposer. */
record Ballot(long micros, UUID node) implements Comparable<Ballot> {

  static final Ballot NONE = new Ballot(Long.MIN_VALUE, new UUID(0, 0));

  @Override
  public int compareTo(Ballot o) {
    int c = Long.compare(micros, o.micros);
    return c != 0 ? c : node.compareTo(o.node);
  }

  boolean isAfter(Ballot o) {
    return compareTo(o) > 0;
  }

  /** The ballot as 5.0 prints it: a time UUID. */
  UUID uuid() {
    return dev.ringlet.internal.exec.PaxosTraces.ballot(micros, node);
  }
}
