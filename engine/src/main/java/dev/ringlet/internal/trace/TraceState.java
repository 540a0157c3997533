package dev.ringlet.internal.trace;

import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One node's part of a trace session: the events it recorded (and, on the coordinator, those its
 * replicas sent back with their answers), in the order they were added; after {@link #finish}, each
 * later event goes to the session's writer as it comes. Thread-safe: a replica's answer may arrive
 * on another thread.
 */
public final class TraceState {

  private final UUID session;
  private final InetAddress source;
  private final int sourcePort;
  private final Clock clock;
  private final long startedMicros;
  private final List<TraceEvent> events = new ArrayList<>();
  /** Where events go once the session's rows were written ({@link #finish}); null before. Guarded by {@link #events}. */
  private java.util.function.Consumer<List<TraceEvent>> late;

  TraceState(UUID session, InetAddress source, int sourcePort, Clock clock) {
    this.session = session;
    this.source = source;
    this.sourcePort = sourcePort;
    this.clock = clock;
    this.startedMicros = clock.currentTimeMicros();
  }

  /** The session's id, as the coordinator returned it to the client. */
  public UUID session() {
    return session;
  }

  /** When this node's part of the session began, on its clock. */
  public long startedMicros() {
    return startedMicros;
  }

  /** Records an event of this node, on the current thread. */
  public void trace(String activity) {
    long now = clock.currentTimeMicros();
    TraceEvent e = new TraceEvent(activity, source, sourcePort, now, now - startedMicros, Thread.currentThread().getName());
    java.util.function.Consumer<List<TraceEvent>> sink;
    synchronized (events) {
      sink = late;
      if (sink == null) {
        events.add(e);
        return;
      }
    }
    sink.accept(List.of(e));
  }

  /** Adds events another node recorded (a replica's, sent back with its answer). */
  public void addAll(List<TraceEvent> others) {
    java.util.function.Consumer<List<TraceEvent>> sink;
    synchronized (events) {
      sink = late;
      if (sink == null) {
        events.addAll(others);
        return;
      }
    }
    sink.accept(List.copyOf(others));
  }

  /**
   * Ends the collection of the session's events, whose rows are written now: returns them, and
   * hands the events recorded or received later (a replica answering after the coordinator
   * replied) to {@code lateEvents} as they come, as 5.0 writes each event when it happens.
   */
  public List<TraceEvent> finish(java.util.function.Consumer<List<TraceEvent>> lateEvents) {
    synchronized (events) {
      late = java.util.Objects.requireNonNull(lateEvents, "lateEvents");
      return List.copyOf(events);
    }
  }

  /** The events so far, in the order they were added. */
  public List<TraceEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
