package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import java.nio.file.Path;
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

  /** One hint; {@code name} its file in a durable store. */
  private record Hint(String name, Payloads.Mutation mutation) {}

  private final Map<UUID, Queue<Hint>> hints = new ConcurrentHashMap<>();
  private final Path directory;
  private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

  /** Hints kept in memory only. */
  public HintStore() {
    this.directory = null;
  }

  /**
   * Hints kept in {@code directory} too ({@code <target host id>/<sequence>-<id>.mut}, see
   * {@link DurableMutations}), and those left by the previous run loaded, so a restarted node still
   * delivers what it held.
   */
  public HintStore(Path directory) {
    this.directory = directory;
    try (java.util.stream.Stream<Path> targets = java.nio.file.Files.isDirectory(directory)
        ? java.nio.file.Files.list(directory) : java.util.stream.Stream.empty()) {
      for (Path t : targets.toList()) {
        UUID target = UUID.fromString(t.getFileName().toString());
        for (DurableMutations.Entry e : new DurableMutations(t).readAll()) {
          hints.computeIfAbsent(target, k -> new ConcurrentLinkedQueue<>()).add(new Hint(e.name(), e.mutations().get(0)));
          sequence.set(Math.max(sequence.get(), Long.parseLong(e.name().substring(0, e.name().indexOf('-'))) + 1));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the hints in " + directory + ": " + e.getMessage(), e);
    }
  }

  void add(UUID target, Payloads.Mutation mutation) {
    String name = String.format("%019d-%s", sequence.getAndIncrement(), UUID.randomUUID());
    if (directory != null) {
      new DurableMutations(directory.resolve(target.toString())).write(name, 0, List.of(mutation));
    }
    hints.computeIfAbsent(target, k -> new ConcurrentLinkedQueue<>()).add(new Hint(name, mutation));
  }

  private void delivered(UUID target, Queue<Hint> q, Hint h) {
    if (q.remove(h) && directory != null) {
      new DurableMutations(directory.resolve(target.toString())).delete(h.name());
    }
  }

  /** Hints waiting for the target. */
  public int pending(UUID target) {
    Queue<Hint> q = hints.get(target);
    return q == null ? 0 : q.size();
  }

  /** Hints waiting, all targets. */
  public int pending() {
    return hints.values().stream().mapToInt(Queue::size).sum();
  }

  /** Sends every hint for {@code target}; each is dropped when acknowledged. */
  public void replay(UUID target, MessagingEndpoint messaging) {
    Queue<Hint> q = hints.get(target);
    if (q == null) {
      return;
    }
    for (Hint h : List.copyOf(q)) {
      messaging.request(target, Verb.HINT, h.mutation(), answer -> {
        if (!answer.failure()) {
          delivered(target, q, h);
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
    hints.forEach((target, q) -> List.copyOf(q).forEach(h -> delivered(target, q, h)));
  }
}
