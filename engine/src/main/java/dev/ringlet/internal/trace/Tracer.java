package dev.ringlet.internal.trace;

import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * A node's tracing context: the trace state of the request its current thread serves, if that
 * request is traced. One per node (its own thread-local, so that nodes of one JVM, which the in-JVM
 * bus runs on one thread, each see only their own part of a session).
 */
public final class Tracer {

  private final ThreadLocal<TraceState> current = new ThreadLocal<>();
  private final InetAddress address;
  private final int storagePort;
  private final Clock clock;
  private volatile java.util.function.ToLongFunction<UUID> sstablePartitions = table -> 0;
  private volatile java.util.function.ToIntFunction<UUID> sstables = table -> 0;

  /**
   * @param address this node's address, the source of its events
   * @param storagePort this node's storage port, as 5.0 records its broadcast address's port
   */
  public Tracer(InetAddress address, int storagePort, Clock clock) {
    this.address = Objects.requireNonNull(address, "address");
    this.storagePort = storagePort;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts this node's part of session {@code session}; not yet current on any thread. */
  public TraceState begin(UUID session) {
    return new TraceState(session, address, storagePort, clock);
  }

  /** The trace state current on this thread, or null when the thread serves no traced request. */
  public TraceState current() {
    return current.get();
  }

  /** Records an event in the current thread's session, if any. */
  public void trace(String activity) {
    TraceState state = current.get();
    if (state != null) {
      state.trace(activity);
    }
  }

  /** Makes {@code state} (null: none) current on this thread; returns what was, for {@link #exit}. */
  public TraceState enter(TraceState state) {
    TraceState previous = current.get();
    current.set(state);
    return previous;
  }

  /** Restores what {@link #enter} returned. */
  public void exit(TraceState previous) {
    if (previous == null) {
      current.remove();
    } else {
      current.set(previous);
    }
  }

  /** A node as 5.0's trace texts name it ({@code InetAddressAndPort}): {@code /127.0.0.2:7000}. */
  public String describe(InetAddress node) {
    return "/" + node.getHostAddress() + ":" + storagePort;
  }

  /** Tells how many partitions a table's SSTables hold on this node (by table id), for 5.0's range scan estimate. */
  public void countSstablePartitionsWith(java.util.function.ToLongFunction<UUID> partitions) {
    this.sstablePartitions = Objects.requireNonNull(partitions, "partitions");
  }

  /** Tells how many SSTables a table has on this node (by table id). */
  public void countSstablesWith(java.util.function.ToIntFunction<UUID> count) {
    this.sstables = Objects.requireNonNull(count, "count");
  }

  /** How many SSTables the table has on this node. */
  public int sstables(UUID table) {
    return sstables.applyAsInt(table);
  }

  /** The partitions of the table's SSTables on this node (0 when it has none). */
  public long sstablePartitions(UUID table) {
    return sstablePartitions.applyAsLong(table);
  }

  /** The clock of this node, which time-stamps its events. */
  public Clock clock() {
    return clock;
  }
}
