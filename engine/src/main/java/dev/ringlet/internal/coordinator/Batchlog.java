package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.UnavailableException;
import dev.ringlet.internal.cluster.WriteTimeoutException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.LoggedBatches;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Cassandra's batchlog. The coordinator of a multi-partition LOGGED batch stores it on up to two
 * live nodes of its datacenter (other racks first; itself only when it is alone there), waits for
 * them ({@code WriteTimeout} with write type {@code BATCH_LOG} otherwise), applies the batch, then
 * tells them to forget it. A batchlog node replays a batch it still holds two write timeouts after
 * receiving it (its coordinator died or failed half way) by writing every update at ANY, then
 * forgets it. Replaying twice is harmless: the updates carry their timestamps.
 */
public final class Batchlog implements LoggedBatches {

  private final Coordinator c;
  private final Supplier<Schema> schema;
  private final Map<UUID, Stored> stored = new ConcurrentHashMap<>();

  private record Stored(long receivedMillis, List<Payloads.Mutation> mutations) {}

  record Store(UUID id, List<Payloads.Mutation> mutations) {
    Store {
      mutations = List.copyOf(mutations);
    }
  }

  /** Batches stored on disk too ({@code <batch id>.mut}), or null in memory. */
  private final DurableMutations files;

  public Batchlog(Coordinator coordinator, Supplier<Schema> schema) {
    this(coordinator, schema, null);
  }

  /**
   * A batchlog kept in {@code directory} too (null: in memory only), as Cassandra's
   * {@code system.batches}: the batches left by the previous run are loaded and replayed once they
   * are old enough.
   */
  public Batchlog(Coordinator coordinator, Supplier<Schema> schema, java.nio.file.Path directory) {
    this.c = coordinator;
    this.schema = schema;
    this.files = directory == null ? null : new DurableMutations(directory);
    if (files != null) {
      for (DurableMutations.Entry e : files.readAll()) {
        stored.put(UUID.fromString(e.name()), new Stored(e.millis(), e.mutations()));
      }
    }
    c.messaging.handle(Verb.BATCH_STORE, this::onStore);
    c.messaging.handle(Verb.BATCH_REMOVE, m -> {
      remove((UUID) m.payload());
      return Payloads.Ack.OK;
    });
  }

  @Override
  public void run(Map<TableMetadata, List<PartitionUpdate>> mutations, ConsistencyLevel consistency, Runnable apply) {
    List<Payloads.Mutation> all = new ArrayList<>();
    mutations.forEach((table, updates) -> updates.forEach(u -> all.add(new Payloads.Mutation(table.id(), u))));
    UUID id = UUID.randomUUID();
    List<Endpoint> targets = endpoints();
    List<UUID> acked = new CopyOnWriteArrayList<>();
    Store message = new Store(id, all);
    for (Endpoint e : targets) {
      if (e.equals(c.self)) {
        put(id, new Stored(c.time.nowMillis(), message.mutations()));
        acked.add(e.hostId());
      } else {
        c.messaging.request(e.hostId(), Verb.BATCH_STORE, message, a -> acked.add(a.from()));
      }
    }
    if (!c.time.awaitUntil(() -> acked.size() >= targets.size(), c.deadline(c.timeouts.write()))) {
      throw new WriteTimeoutException(ConsistencyLevel.ONE, acked.size(), targets.size(), WriteType.BATCH_LOG);
    }
    apply.run();
    for (Endpoint e : targets) {
      if (e.equals(c.self)) {
        remove(id);
      } else {
        c.messaging.tell(e.hostId(), Verb.BATCH_REMOVE, id);
      }
    }
  }

  /** Up to two live nodes of this datacenter, on distinct racks where possible, this node only if alone. */
  private List<Endpoint> endpoints() {
    List<Endpoint> candidates = new ArrayList<>();
    int inDc = 0;
    for (Endpoint e : c.ring.get().endpoints().values()) {
      if (e.datacenter().equals(c.self.datacenter())) {
        inDc++;
        if (!e.equals(c.self) && c.alive.test(e.hostId())) {
          candidates.add(e);
        }
      }
    }
    if (candidates.isEmpty()) {
      if (inDc == 1) {
        return List.of(c.self);
      }
      throw new UnavailableException(ConsistencyLevel.ONE, 1, 0);
    }
    List<Endpoint> out = new ArrayList<>();
    Set<String> racks = new HashSet<>();
    for (Endpoint e : candidates) {
      if (out.size() < 2 && racks.add(e.rack())) {
        out.add(e);
      }
    }
    for (Endpoint e : candidates) {
      if (out.size() < 2 && !out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private Object onStore(Message m) {
    Store s = (Store) m.payload();
    put(s.id(), new Stored(c.time.nowMillis(), s.mutations()));
    return Payloads.Ack.OK;
  }

  private void put(UUID id, Stored batch) {
    if (files != null) {
      files.write(id.toString(), batch.receivedMillis(), batch.mutations());
    }
    stored.put(id, batch);
  }

  private void remove(UUID id) {
    if (stored.remove(id) != null && files != null) {
      files.delete(id.toString());
    }
  }

  /** Batches held here longer than two write timeouts. */
  public int pending() {
    return stored.size();
  }

  /** Replays the batches whose coordinator did not remove them in time (run every gossip round). */
  public void replayExpired() {
    long now = c.time.nowMillis();
    long age = 2 * c.timeouts.write().toMillis();
    for (Map.Entry<UUID, Stored> e : stored.entrySet()) {
      if (now - e.getValue().receivedMillis() < age) {
        continue;
      }
      try {
        for (Payloads.Mutation m : e.getValue().mutations()) {
          TableMetadata table = ReplicaService.table(schema.get(), m.tableId());
          if (table == null) {
            continue; // dropped since
          }
          KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
          c.write(ks, table, m.update(), ConsistencyLevel.ANY, WriteType.BATCH);
        }
        remove(e.getKey());
      } catch (RuntimeException retryLater) {
        // Replicas unreachable even for a hint: keep the batch for the next round.
      }
    }
  }
}
