package dev.ringlet.internal.querylog;

import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.time.Clock;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A cluster's query log: one ring buffer shared by the {@link QueryRecorder}s of its nodes.
 * Writers claim a sequence number and store their entry in its slot; readers take the slots of the
 * last {@code capacity} sequence numbers and keep the entries that carry them (a slot being
 * written, or overwritten by a later lap, is skipped).
 */
public final class QueryLogBook implements QueryLog {

  /** The slots and the sequence numbers they serve; replaced whole by {@link #setCapacity}. */
  private static final class Ring {
    final AtomicReferenceArray<Entry> slots;
    final AtomicLong next;
    final long start;

    Ring(int capacity, long start) {
      this.slots = new AtomicReferenceArray<>(capacity);
      this.next = new AtomicLong(start);
      this.start = start;
    }
  }

  private volatile Ring ring;
  private final Map<ByteBuffer, PreparedInfo> prepared = new ConcurrentHashMap<>();

  public QueryLogBook() {
    this(DEFAULT_CAPACITY);
  }

  public QueryLogBook(int capacity) {
    checkCapacity(capacity);
    this.ring = new Ring(capacity, 0);
  }

  /** A recorder for one node of the cluster. */
  public QueryRecorder recorder(UUID hostId, Supplier<InetSocketAddress> address, Clock clock) {
    return new QueryRecorder(this, new Coordinator(hostId, address), clock);
  }

  boolean enabled() {
    return ring.slots.length() > 0;
  }

  void add(Entry entry) {
    Ring r = ring;
    int capacity = r.slots.length();
    if (capacity == 0) {
      return;
    }
    long seq = r.next.getAndIncrement();
    entry.sequence = seq;
    // A release store is enough (no full fence per request): a reader's volatile get of the slot
    // sees the entry's fields, its sequence included, as they were before this store.
    r.slots.lazySet((int) (seq % capacity), entry);
  }

  void remember(ByteBuffer id, PreparedInfo info) {
    prepared.put(id, info);
  }

  /** What a prepared id stands for, or null when no PREPARE of it was answered. */
  PreparedInfo prepared(byte[] id) {
    return prepared.get(ByteBuffer.wrap(id));
  }

  private List<Entry> entries() {
    Ring r = ring;
    int capacity = r.slots.length();
    long end = r.next.get();
    long from = Math.max(r.start, end - capacity);
    List<Entry> out = new ArrayList<>((int) (end - from));
    for (long seq = from; seq < end; seq++) {
      Entry e = r.slots.get((int) (seq % capacity));
      if (e != null && e.sequence == seq) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public List<LoggedQuery> queries() {
    return queries(q -> true);
  }

  @Override
  public List<LoggedQuery> queries(Predicate<? super LoggedQuery> filter) {
    List<LoggedQuery> out = new ArrayList<>();
    for (Entry e : entries()) {
      LoggedQuery q = e.toLoggedQuery(this::prepared);
      if (filter.test(q)) {
        out.add(q);
      }
    }
    return out;
  }

  @Override
  public List<LoggedQuery> last(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n: " + n + " (expected: >= 0)");
    }
    List<Entry> all = entries();
    List<LoggedQuery> out = new ArrayList<>(Math.min(n, all.size()));
    for (Entry e : all.subList(Math.max(0, all.size() - n), all.size())) {
      out.add(e.toLoggedQuery(this::prepared));
    }
    return out;
  }

  @Override
  public List<LoggedQuery> statements() {
    List<LoggedQuery> out = new ArrayList<>();
    for (LoggedQuery q : queries()) {
      if (q.kind() == LoggedQuery.Kind.BATCH) {
        out.addAll(q.children());
      } else if (q.kind() != LoggedQuery.Kind.PREPARE) {
        out.add(q);
      }
    }
    return out;
  }

  @Override
  public synchronized void clear() {
    Ring r = ring;
    // Sequence numbers go on from where they were, so a writer still holding the old ring cannot
    // put an entry that looks current into the new one.
    ring = new Ring(r.slots.length(), r.next.get());
  }

  @Override
  public long recorded() {
    Ring r = ring;
    return r.next.get() - r.start;
  }

  @Override
  public int capacity() {
    return ring.slots.length();
  }

  @Override
  public synchronized void setCapacity(int capacity) {
    checkCapacity(capacity);
    ring = new Ring(capacity, ring.next.get());
  }

  private static void checkCapacity(int capacity) {
    if (capacity < 0 || capacity > 1_000_000) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: 0-1000000)");
    }
  }

  /** What a prepared id stands for: its text, keyspace and the types of its markers. */
  record PreparedInfo(String query, String keyspace, List<ColumnSpec> variables) {}

  /** The node a request arrived at; its address is read when the log is read (the port is known only once it listens). */
  record Coordinator(UUID hostId, Supplier<InetSocketAddress> address) {}
}
