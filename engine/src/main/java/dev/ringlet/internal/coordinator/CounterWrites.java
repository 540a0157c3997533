package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.UnavailableException;
import dev.ringlet.internal.cluster.WriteTimeoutException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.CounterContext;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Counter writes as Cassandra makes them. The coordinator chooses a leader replica as Cassandra 5.0
 * does ({@link #chooseLeader}: a random live replica of its datacenter, else the closest live one),
 * checks the level can be met, then leads the write itself when it was chosen or hands the
 * increments to the leader with {@link Verb#COUNTER_MUTATION}. The leader, under
 * a lock per partition, reads its own shard of each counter (clock, count) from its storage, writes
 * the shard {@code (clock + 1, count + delta)} under its host id, and sends that shard to the other
 * replicas as an ordinary mutation; contexts merge by highest clock per counter id, so a replica
 * that missed a shard catches up from any later read repair, hint or write of that shard.
 *
 * <p>Waits and errors: the coordinator that leads waits up to the counter write timeout for the
 * level, and times out with the level and the replicas that answered; a coordinator that forwarded
 * waits for the leader alone, and times out as Cassandra's forwarding does, at level ONE with 0 of 1
 * responses. Either way the write type is COUNTER. Replicas that are down when the leader applies
 * get a hint; the leader does not hint replicas that were up but did not answer.
 */
final class CounterWrites {

  private static final int LOCK_STRIPES = 64;

  private final Coordinator c;
  private volatile CounterLeaderDraw draw;
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

  /** @param draw picks the leader among the local replicas (seeded random, so a cluster spec repeats its choices) */
  CounterWrites(Coordinator coordinator, CounterLeaderDraw draw) {
    this.c = coordinator;
    this.draw = draw;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Replaces how leaders are drawn (a test seam; see {@link CounterLeaderDraw}). */
  void drawLeadersWith(CounterLeaderDraw newDraw) {
    this.draw = newDraw;
  }

  /** Whether an update carries counter increments, which only a leader replica may apply. */
  static boolean hasIncrements(PartitionUpdate update) {
    if (update.staticRow() != null && hasIncrements(update.staticRow())) {
      return true;
    }
    for (RowUpdate r : update.rows()) {
      if (hasIncrements(r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasIncrements(RowUpdate r) {
    for (Cell cell : r.cells().values()) {
      if (isIncrement(cell)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIncrement(Cell cell) {
    return cell.counter() && !cell.isTombstone() && cell.counterContext().isUpdate();
  }

  /**
   * The leader of a counter write, as Cassandra 5.0's {@code StorageProxy.findSuitableReplica}
   * chooses it: a random live natural replica of the coordinator's datacenter (the coordinator
   * itself only if the draw picks it); with none there, the closest live replica of another
   * datacenter, unless the level is datacenter-local. No live replica at all (or none local for a
   * LOCAL level) is Unavailable with the level's block-for and 0 alive.
   *
   * @param liveNatural the live natural replicas, in placement order
   * @param draw picks among the local ones ({@link CounterLeaderDraw#random} as Cassandra)
   * @param byProximity the coordinator's proximity order (its datacenter first)
   */
  static Endpoint chooseLeader(List<Endpoint> liveNatural, Endpoint coordinator, ConsistencyLevel level, int blockFor,
      CounterLeaderDraw draw, UnaryOperator<List<Endpoint>> byProximity) {
    if (liveNatural.isEmpty()) {
      throw new UnavailableException(level, blockFor, 0);
    }
    List<Endpoint> local = new ArrayList<>();
    for (Endpoint e : liveNatural) {
      if (e.datacenter().equals(coordinator.datacenter())) {
        local.add(e);
      }
    }
    if (local.isEmpty()) {
      if (level.isDatacenterLocal()) {
        throw new UnavailableException(level, blockFor, 0);
      }
      return byProximity.apply(liveNatural).get(0);
    }
    return local.get(draw.draw(local.size(), local.indexOf(coordinator)));
  }

  /** The coordinator's side: a leader chosen, the level checked, the increments led here or forwarded. */
  void write(KeyspaceMetadata ks, TableMetadata table, PartitionUpdate update, ConsistencyLevel level) {
    List<Endpoint> live = c.live(c.replicas(ks, update.key().token()));
    ReplicaCounts counts = c.counts(ks, live);
    Endpoint leader = chooseLeader(live, c.self, level, ConsistencyArithmetic.blockFor(level, counts), draw, c::byProximity);
    ConsistencyArithmetic.assureSufficientLiveReplicas(level, counts);
    long deadline = c.deadline(c.timeouts.counterWrite());
    if (leader.equals(c.self)) {
      Progress p = lead(ks, table, update, level, () -> {});
      if (!c.time.awaitUntil(p.tracker::satisfied, deadline)) {
        p.hintMissing();
        throw new WriteTimeoutException(level, p.tracker.received(), p.tracker.blockFor(), WriteType.COUNTER);
      }
      return;
    }
    AtomicBoolean done = new AtomicBoolean();
    long id = c.messaging.request(leader.hostId(), Verb.COUNTER_MUTATION, new Payloads.CounterMutation(table.id(), update, level),
        answer -> {
          if (!answer.failure()) {
            done.set(true);
          }
        });
    if (!c.time.awaitUntil(done::get, deadline)) {
      c.messaging.forget(id);
      throw new WriteTimeoutException(ConsistencyLevel.ONE, 0, 1, WriteType.COUNTER);
    }
  }

  /** The leader's side of a forwarded counter write: answers once the level is met on its replicas. */
  Object onLeaderRequest(Message request) {
    Payloads.CounterMutation m = (Payloads.CounterMutation) request.payload();
    Schema s = c.local.schema();
    TableMetadata table = ReplicaService.table(s, m.tableId());
    if (table == null) {
      throw new IllegalStateException("unknown table id " + m.tableId() + " (expected: a table of this node's schema)");
    }
    KeyspaceMetadata ks = s.keyspace(table.keyspace());
    List<Endpoint> live = c.live(c.replicas(ks, m.update().key().token()));
    ConsistencyArithmetic.assureSufficientLiveReplicas(m.level(), c.counts(ks, live));
    AtomicBoolean answered = new AtomicBoolean();
    lead(ks, table, m.update(), m.level(), () -> {
      if (answered.compareAndSet(false, true)) {
        c.messaging.reply(request, Payloads.Ack.OK);
      }
    });
    return null;
  }

  /** What a leader's write has reached: the acknowledgements, and the shard mutation for hints. */
  private final class Progress {
    final WriteTracker tracker;
    final Payloads.Mutation mutation;
    final List<Endpoint> live;
    final List<Endpoint> acked = new CopyOnWriteArrayList<>();

    Progress(WriteTracker tracker, Payloads.Mutation mutation, List<Endpoint> live) {
      this.tracker = tracker;
      this.mutation = mutation;
      this.live = live;
    }

    void hintMissing() {
      for (Endpoint e : live) {
        if (!acked.contains(e)) {
          c.hint(e.hostId(), mutation);
        }
      }
    }
  }

  /**
   * Applies the increments as this replica's shards and sends them to the other replicas;
   * {@code onSatisfied} runs (on any thread) once the level is met.
   */
  private Progress lead(KeyspaceMetadata ks, TableMetadata table, PartitionUpdate update, ConsistencyLevel level, Runnable onSatisfied) {
    // the natural replicas and, while ranges move, the pending ones (one more acknowledgement each, as
    // Cassandra's blockForWrite): a joining node must not miss increments made during its bootstrap
    List<Endpoint> replicas = new java.util.ArrayList<>(c.replicas(ks, update.key().token()));
    java.util.Map<String, Integer> pending = new java.util.HashMap<>();
    for (Endpoint e : c.pendingReplicas(ks, update.key().token())) {
      pending.merge(e.datacenter(), 1, Integer::sum);
      replicas.add(e);
    }
    List<Endpoint> live = c.live(replicas);
    WriteTracker tracker = new WriteTracker(level, c.counts(ks, live), pending);
    ReentrantLock lock = locks[Math.floorMod(Long.hashCode(update.key().token()), LOCK_STRIPES)];
    Payloads.Mutation mutation;
    lock.lock();
    try {
      PartitionUpdate current = readOwn(table, update);
      mutation = new Payloads.Mutation(table.id(), shards(update, current, c.self.hostId()));
      c.local.apply(mutation);
    } finally {
      lock.unlock();
    }
    Progress progress = new Progress(tracker, mutation, live);
    progress.acked.add(c.self);
    tracker.ack(c.self.datacenter());
    for (Endpoint e : replicas) {
      if (!live.contains(e) && c.hint(e.hostId(), mutation)) {
        tracker.hinted();
      }
    }
    for (Endpoint e : live) {
      if (!e.equals(c.self)) {
        c.messaging.request(e.hostId(), Verb.MUTATION, mutation, answer -> {
          if (!answer.failure()) {
            progress.acked.add(e);
            tracker.ack(e.datacenter());
            if (tracker.satisfied()) {
              onSatisfied.run();
            }
          }
        });
      }
    }
    if (tracker.satisfied()) {
      onSatisfied.run();
    }
    return progress;
  }

  /**
   * The leader's stored partition before it writes its shards; a traced write records 5.0's leader
   * events ({@link dev.ringlet.internal.trace.CounterTraces}) instead of a read's: its counter cache
   * would hold the counters whose shard this node wrote before.
   */
  private PartitionUpdate readOwn(TableMetadata table, PartitionUpdate update) {
    dev.ringlet.internal.trace.Tracer tracer = c.messaging.tracer();
    dev.ringlet.internal.trace.TraceState trace = tracer == null ? null : tracer.current();
    if (trace == null) {
      return c.local.read(new Payloads.Read(table.id(), update.key(), false)).data();
    }
    dev.ringlet.internal.trace.TraceState previous = tracer.enter(null);
    PartitionUpdate current;
    try {
      current = c.local.read(new Payloads.Read(table.id(), update.key(), false)).data();
    } finally {
      tracer.exit(previous);
    }
    UUID self = c.self.hostId();
    dev.ringlet.internal.trace.CounterTraces.trace(tracer, dev.ringlet.internal.trace.CounterTraces.lookup(update, current,
        CounterWrites::isIncrement, cell -> cell.counterContext().shard(self).clock() > 0), table.name(),
        tracer.sstables(table.id()));
    return current;
  }

  /**
   * The update with each increment replaced by {@code counterId}'s new shard: the shard {@code
   * current} holds for that cell (clock 0, count 0 when none), clock + 1, count + the increment. A
   * batch may carry several rows for one clustering: each builds on the shard the previous one wrote.
   */
  static PartitionUpdate shards(PartitionUpdate update, PartitionUpdate current, UUID counterId) {
    Map<Clustering, Map<String, Cell>> latest = new HashMap<>();
    Map<String, Cell> latestStatic = new HashMap<>();
    if (current != null) {
      for (RowUpdate r : current.rows()) {
        latest.put(r.clustering(), new HashMap<>(r.cells()));
      }
      if (current.staticRow() != null) {
        latestStatic.putAll(current.staticRow().cells());
      }
    }
    RowUpdate staticRow = update.staticRow() == null ? null : shards(update.staticRow(), latestStatic, counterId);
    List<RowUpdate> rows = new ArrayList<>(update.rows().size());
    for (RowUpdate r : update.rows()) {
      rows.add(shards(r, latest.computeIfAbsent(r.clustering(), k -> new HashMap<>()), counterId));
    }
    return new PartitionUpdate(update.key(), update.partitionDeletion(), update.rangeTombstones(), staticRow, rows);
  }

  /** {@code latest}: the row's stored cells by column, updated with the shards written here. */
  private static RowUpdate shards(RowUpdate row, Map<String, Cell> latest, UUID counterId) {
    Map<String, Cell> cells = new HashMap<>();
    for (Map.Entry<String, Cell> e : row.cells().entrySet()) {
      Cell cell = e.getValue();
      if (!isIncrement(cell)) {
        cells.put(e.getKey(), cell);
        continue;
      }
      Cell now = latest.get(e.getKey());
      CounterContext.Shard mine = now != null && now.counter() && !now.isTombstone()
          ? now.counterContext().shard(counterId) : new CounterContext.Shard(0, 0);
      long delta = cell.counterContext().delta();
      Cell shard = Cell.counter(CounterContext.ofShard(counterId, mine.clock() + 1, mine.count() + delta), cell.timestamp());
      cells.put(e.getKey(), shard);
      latest.put(e.getKey(), shard);
    }
    return new RowUpdate(row.clustering(), row.liveness(), row.deletion(), cells, row.complex(), row.shadowableDeletion());
  }
}
