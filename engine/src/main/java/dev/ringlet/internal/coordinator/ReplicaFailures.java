package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.FailureReason;
import dev.ringlet.internal.cluster.ReadFailureException;
import dev.ringlet.internal.cluster.WriteFailureException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.messaging.Message;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replicas that answered one request with a failure, and why, in the order they failed (a
 * replica's failure answer names its reason by its first word). Cassandra's coordinator gives up as
 * soon as the failures leave too few replicas to meet the level, rather than waiting for a timeout.
 * Thread-safe: answers arrive on messaging threads.
 */
final class ReplicaFailures {

  private final Map<Endpoint, FailureReason> reasons = new LinkedHashMap<>();
  private int abortedTombstones = -1;

  /** A remote replica's failure answer. */
  synchronized void failed(Endpoint replica, Message answer) {
    reasons.put(replica, FailureReason.ofFailureText(answer.payload()));
    abortedTombstones = Math.max(abortedTombstones, TombstoneOverwhelmingException.tombstonesOf(answer.payload()));
  }

  /** The coordinator's own replica gave up a read past the tombstone failure threshold. */
  synchronized void tooManyTombstones(Endpoint replica, TombstoneOverwhelmingException e) {
    reasons.put(replica, FailureReason.READ_TOO_MANY_TOMBSTONES);
    abortedTombstones = Math.max(abortedTombstones, e.tombstones());
  }

  /** The coordinator's own replica failed a write. */
  synchronized void failed(Endpoint replica) {
    reasons.put(replica, FailureReason.UNKNOWN);
  }

  synchronized int count() {
    return reasons.size();
  }

  synchronized boolean contains(Endpoint replica) {
    return reasons.containsKey(replica);
  }

  /** Whether too few replicas are left to reach {@code blockFor} of the {@code contacted} ones. */
  synchronized boolean fatal(int contacted, int blockFor) {
    return !reasons.isEmpty() && blockFor + reasons.size() > contacted;
  }

  synchronized ReadFailureException readFailure(ConsistencyLevel level, int received, int blockFor, boolean dataPresent,
      ReplicaService addresses) {
    Map<InetAddress, FailureReason> byAddress = byAddress(addresses);
    return new ReadFailureException(ReadFailureException.operationFailed(received, byAddress), level, received, blockFor,
        dataPresent, byAddress, abortedTombstones);
  }

  synchronized WriteFailureException writeFailure(ConsistencyLevel level, int received, int blockFor, WriteType type,
      ReplicaService addresses) {
    return new WriteFailureException(level, received, blockFor, type, byAddress(addresses));
  }

  private Map<InetAddress, FailureReason> byAddress(ReplicaService addresses) {
    Map<InetAddress, FailureReason> out = new LinkedHashMap<>();
    reasons.forEach((e, reason) -> {
      InetAddress a = addresses.address(e.hostId());
      out.put(a == null ? InetAddress.getLoopbackAddress() : a, reason);
    });
    return out;
  }
}
