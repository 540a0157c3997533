package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.DroppedColumnOrder;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Storage;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps every node on the same schema. A change made here gets the next schema epoch and its
 * snapshot is pushed to every live peer, which installs it (same version UUID, so drivers see
 * agreement at once), answers the push and gossips its new version; a node that missed pushes (it
 * was down or cut off) pulls the snapshot from a peer whose gossip shows a higher epoch. Tables
 * that disappear from the schema lose their storage.
 *
 * <p>The statement that made a change is answered only once the live peers acknowledged its push
 * ({@link #awaitAnnounced}), up to a bound: over TCP a push travels on its own connection, and a
 * driver's schema agreement check (its control node's {@code system.local} and
 * {@code system.peers}) that overtook it saw every node at the old version and "agreed" while no
 * peer had the change yet, so the client's next statement could reach a node without it. In one
 * JVM the bus delivers on the sender's thread: the reachable peers have installed it already.
 *
 * <p>The wait for a peer ends early when it cannot answer: its push was lost as far as the
 * transport knows (a partition or drop rule, a connection that could not be opened or broke), or
 * gossip convicted it meanwhile. A peer that receives but stays silent (paused) is waited for up to
 * the bound. Cassandra 5.0 itself answers a DDL statement once it applied the change locally, and
 * its pushes are fire-and-forget; the driver's own agreement check (up to 10 s) is what waits there,
 * and it waits for a silent peer in both.
 *
 * <p>Two schema changes made at the same time on different nodes get the same epoch and the later
 * push wins: concurrent DDL on several coordinators is not merged (Cassandra merges by timestamp).
 */
public final class SchemaSync {

  private final SchemaManager schema;
  private final Storage storage;
  private final MessagingEndpoint messaging;
  private final Supplier<Set<UUID>> peers;
  private final Predicate<UUID> alive;
  private final Runnable gossipNow;
  private final ClusterTime time;
  private final Duration announceWait;
  private final AtomicLong epoch = new AtomicLong();
  /** The pushes of this node's changes that some live peer has not answered yet: their peers, by epoch. */
  private final Map<Long, Set<UUID>> unanswered = new ConcurrentHashMap<>();

  /**
   * @param time the cluster's clock, where {@link #awaitAnnounced} waits
   * @param announceWait how long {@link #awaitAnnounced} waits for the live peers' answers at most
   *     ({@link Duration#ZERO}: not at all)
   */
  public SchemaSync(SchemaManager schema, Storage storage, MessagingEndpoint messaging, Supplier<Set<UUID>> peers,
      Predicate<UUID> alive, Runnable gossipNow, ClusterTime time, Duration announceWait) {
    this.schema = schema;
    this.storage = storage;
    this.messaging = messaging;
    this.peers = peers;
    this.alive = alive;
    this.gossipNow = gossipNow;
    this.time = time;
    this.announceWait = announceWait;
    messaging.handle(Verb.SCHEMA_PUSH, this::onPush);
    messaging.handle(Verb.SCHEMA_PULL, m -> new Payloads.SchemaSnapshot(epoch.get(), schema.current()));
    schema.onChange(this::changedHere);
  }

  public long epoch() {
    return epoch.get();
  }

  /** Sets the epoch a durable node had saved with its schema, after recreating that schema at start. */
  public void restoreEpoch(long saved) {
    epoch.set(saved);
  }

  private void changedHere(Schema snapshot) {
    long e = epoch.incrementAndGet();
    Payloads.SchemaSnapshot push = new Payloads.SchemaSnapshot(e, snapshot);
    Set<UUID> live = new HashSet<>();
    for (UUID p : peers.get()) {
      if (alive.test(p)) {
        live.add(p);
      }
    }
    Set<UUID> waiting = ConcurrentHashMap.newKeySet();
    waiting.addAll(live); // all of them before the first send: in one JVM an answer comes back inside request()
    if (!waiting.isEmpty()) {
      unanswered.put(e, waiting);
    }
    for (UUID p : live) {
      messaging.request(p, Verb.SCHEMA_PUSH, push, answer -> answered(e, waiting, p), () -> answered(e, waiting, p));
    }
    gossipNow.run();
  }

  /**
   * The push of epoch {@code e} to {@code peer} needs no more waiting for: the peer answered it
   * (installed it, or had a newer schema already), or it was lost (the peer catches up by a pull).
   */
  private void answered(long e, Set<UUID> waiting, UUID peer) {
    waiting.remove(peer);
    if (waiting.isEmpty()) {
      unanswered.remove(e, waiting);
    }
    time.signal();
  }

  /** Gossip convicted {@code peer}: the pushes it has not answered are waited for no longer. */
  public void peerDown(UUID peer) {
    unanswered.forEach((e, waiting) -> {
      if (waiting.remove(peer) && waiting.isEmpty()) {
        unanswered.remove(e, waiting);
      }
    });
    time.signal();
  }

  /**
   * Waits until every live peer answered the pushes of the changes this node made so far, or the
   * announce wait passed (a peer silent meanwhile: its gossip and a pull catch it up later); a push
   * the transport reported lost, or to a peer convicted meanwhile, is not waited for. The caller then
   * answers the statement that made the change.
   *
   * @return whether the wait ended before its bound
   */
  public boolean awaitAnnounced() {
    long upTo = epoch.get();
    if (announceWait.isZero()) {
      unanswered.clear();
      return true;
    }
    boolean all = time.awaitUntil(() -> unanswered.keySet().stream().noneMatch(e -> e <= upTo),
        time.nowMillis() + announceWait.toMillis());
    unanswered.keySet().removeIf(e -> e <= upTo); // forget the answers that did not come
    return all;
  }

  private Object onPush(Message m) {
    install((Payloads.SchemaSnapshot) m.payload());
    return Boolean.TRUE; // the sender answers its statement once its live peers have the change
  }

  /** Asks a peer for its schema (it reported a higher epoch). */
  public void pull(UUID peer) {
    messaging.request(peer, Verb.SCHEMA_PULL, Boolean.TRUE, a -> {
      if (!a.failure()) {
        install((Payloads.SchemaSnapshot) a.payload());
      }
    });
  }

  /**
   * Installs a peer's snapshot, its dropped columns reordered as a 5.0 node that applied the change
   * would list them ({@link DroppedColumnOrder#asFetched}).
   */
  private void install(Payloads.SchemaSnapshot s) {
    Schema before;
    synchronized (this) {
      if (s.epoch() <= epoch.get()) {
        return;
      }
      before = schema.current();
      epoch.set(s.epoch()); // first, so that listeners of the install (saving the schema) see it
      schema.install(DroppedColumnOrder.asFetched(before, s.schema()));
    }
    Set<UUID> kept = tableIds(s.schema());
    for (UUID id : tableIds(before)) {
      if (!kept.contains(id)) {
        storage.drop(id);
      }
    }
    gossipNow.run();
  }

  private static Set<UUID> tableIds(Schema schema) {
    Set<UUID> ids = new HashSet<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata t : ks.tables().values()) {
        ids.add(t.id());
      }
    }
    return ids;
  }
}
