package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.DroppedColumnOrder;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Storage;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps every node on the same schema. A change made here gets the next schema epoch and its
 * snapshot is pushed to every live peer, which installs it (same version UUID, so drivers see
 * agreement at once) and gossips its new version; a node that missed pushes (it was down or cut
 * off) pulls the snapshot from a peer whose gossip shows a higher epoch. Tables that disappear
 * from the schema lose their storage.
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
  private final AtomicLong epoch = new AtomicLong();

  public SchemaSync(SchemaManager schema, Storage storage, MessagingEndpoint messaging, Supplier<Set<UUID>> peers,
      Predicate<UUID> alive, Runnable gossipNow) {
    this.schema = schema;
    this.storage = storage;
    this.messaging = messaging;
    this.peers = peers;
    this.alive = alive;
    this.gossipNow = gossipNow;
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
    Payloads.SchemaSnapshot push = new Payloads.SchemaSnapshot(epoch.incrementAndGet(), snapshot);
    for (UUID p : peers.get()) {
      if (alive.test(p)) {
        messaging.tell(p, Verb.SCHEMA_PUSH, push);
      }
    }
    gossipNow.run();
  }

  private Object onPush(Message m) {
    install((Payloads.SchemaSnapshot) m.payload());
    return null;
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
