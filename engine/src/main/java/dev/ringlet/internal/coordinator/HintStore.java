package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A coordinator's hints: mutations for replicas that were down (or did not answer in time), kept
 * per target and replayed when it is seen up again. A hint is removed only once its replica has
 * acknowledged it; replaying a regular write twice is harmless (same timestamp).
 */
public final class HintStore {

  private final Map<UUID, Queue<Payloads.Mutation>> hints = new ConcurrentHashMap<>();

  void add(UUID target, Payloads.Mutation mutation) {
    hints.computeIfAbsent(target, k -> new ConcurrentLinkedQueue<>()).add(mutation);
  }

  /** Hints waiting for the target. */
  public int pending(UUID target) {
    Queue<Payloads.Mutation> q = hints.get(target);
    return q == null ? 0 : q.size();
  }

  /** Hints waiting, all targets. */
  public int pending() {
    return hints.values().stream().mapToInt(Queue::size).sum();
  }

  /** Sends every hint for {@code target}; each is dropped when acknowledged. */
  public void replay(UUID target, MessagingEndpoint messaging) {
    Queue<Payloads.Mutation> q = hints.get(target);
    if (q == null) {
      return;
    }
    for (Payloads.Mutation m : List.copyOf(q)) {
      messaging.request(target, Verb.HINT, m, answer -> {
        if (!answer.failure()) {
          q.remove(m);
        }
      });
    }
  }

  /** Forgets the hints for a node that left the cluster. */
  public void forget(UUID target) {
    hints.remove(target);
  }

  /** Forgets every hint. */
  public void clear() {
    hints.clear();
  }
}
