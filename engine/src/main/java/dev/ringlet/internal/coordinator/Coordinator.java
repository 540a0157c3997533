package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReadTimeoutException;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.ReplicaPlacement;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.UnavailableException;
import dev.ringlet.internal.cluster.WriteTimeoutException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A node's coordinator for writes (and the replica bookkeeping reads share): which replicas hold a
 * token, which are alive, the Unavailable check, sending to every live replica, waiting for the
 * consistency level, hints for the rest. The local replica is reached by a direct call.
 */
public final class Coordinator {

  final Endpoint self;
  final Supplier<Ring> ring;
  /** The ring once the membership change under way completes; the same object as {@link #ring}'s when none is. */
  final Supplier<Ring> futureRing;
  final Predicate<UUID> alive;
  final MessagingEndpoint messaging;
  final ReplicaService local;
  final ClusterTime time;
  final Timeouts timeouts;
  final HintStore hints;
  private final ToLongFunction<UUID> downSinceMillis;
  private final CounterWrites counters;

  /**
   * @param downSinceMillis when a peer was last seen going down (clock millis; 0 when unknown)
   */
  public Coordinator(Endpoint self, Supplier<Ring> ring, Predicate<UUID> alive, MessagingEndpoint messaging, ReplicaService local,
      ClusterTime time, Timeouts timeouts, HintStore hints, ToLongFunction<UUID> downSinceMillis) {
    this(self, ring, ring, alive, messaging, local, time, timeouts, hints, downSinceMillis);
  }

  /**
   * A coordinator that also sends writes to the pending replicas of ranges being moved: those of
   * {@code futureRing} that {@code ring} does not have yet.
   */
  public Coordinator(Endpoint self, Supplier<Ring> ring, Supplier<Ring> futureRing, Predicate<UUID> alive,
      MessagingEndpoint messaging, ReplicaService local, ClusterTime time, Timeouts timeouts, HintStore hints,
      ToLongFunction<UUID> downSinceMillis) {
    this.self = self;
    this.ring = ring;
    this.futureRing = futureRing;
    this.alive = alive;
    this.messaging = messaging;
    this.local = local;
    this.time = time;
    this.timeouts = timeouts;
    this.hints = hints;
    this.downSinceMillis = downSinceMillis;
    // Seeded by the node's host id: a cluster started from one spec draws the same counter leaders.
    this.counters = new CounterWrites(this, CounterLeaderDraw.random(
        new java.util.Random(self.hostId().getMostSignificantBits() ^ self.hostId().getLeastSignificantBits())));
  }

  /** Replaces how this coordinator draws counter leaders (a test seam; Cassandra draws at random). */
  public void drawCounterLeadersWith(CounterLeaderDraw draw) {
    counters.drawLeadersWith(draw);
  }

  /** Registers the handlers of the verbs a coordinator serves (a counter write's leader). */
  public void register(MessagingEndpoint endpoint) {
    endpoint.handle(Verb.COUNTER_MUTATION, counters::onLeaderRequest);
  }

  // ------------------------------------------------------------------ placement

  /** The replicas of a token for a keyspace, primary first. */
  List<Endpoint> replicas(KeyspaceMetadata ks, long token) {
    ReplicationParams r = ks.replication();
    return ReplicaPlacement.replicas(ring.get(), r.strategyClass(), factors(ks), token);
  }

  /** The replication factors of the keyspace as {@link ReplicaPlacement} takes them. */
  static Map<String, Integer> factors(KeyspaceMetadata ks) {
    ReplicationParams r = ks.replication();
    Map<String, Integer> factors = new HashMap<>();
    if (r.strategyClass().equals(ReplicationParams.SIMPLE)) {
      factors.put("", r.totalReplicationFactor());
    } else {
      for (String dc : r.options().keySet()) {
        factors.put(dc, r.replicationFactor(dc));
      }
    }
    return factors;
  }

  /** Replicas the token gains while ranges move (Cassandra's pending endpoints); empty when nothing moves. */
  List<Endpoint> pendingReplicas(KeyspaceMetadata ks, long token) {
    Ring current = ring.get();
    Ring future = futureRing.get();
    if (future == current) {
      return List.of();
    }
    return dev.ringlet.internal.cluster.RangeMovements.pending(current, future, ks.replication().strategyClass(), factors(ks), token);
  }

  /** Replica factors from the keyspace, alive replicas counted per datacenter. */
  ReplicaCounts counts(KeyspaceMetadata ks, List<Endpoint> liveReplicas) {
    ReplicationParams r = ks.replication();
    Map<String, Integer> factors = new HashMap<>();
    Map<String, Integer> live = new HashMap<>();
    if (r.strategyClass().equals(ReplicationParams.NETWORK_TOPOLOGY)) {
      for (String dc : r.options().keySet()) {
        factors.put(dc, r.replicationFactor(dc));
      }
    } else {
      factors.put(self.datacenter(), r.totalReplicationFactor());
    }
    for (Endpoint e : liveReplicas) {
      live.merge(e.datacenter(), 1, Integer::sum);
    }
    return new ReplicaCounts(factors, live, self.datacenter(),
        r.strategyClass().equals(ReplicationParams.NETWORK_TOPOLOGY));
  }

  List<Endpoint> live(List<Endpoint> replicas) {
    List<Endpoint> out = new ArrayList<>();
    for (Endpoint e : replicas) {
      if (alive.test(e.hostId())) {
        out.add(e);
      }
    }
    return out;
  }

  /** This node first, then its datacenter, then the rest, each in ring order. */
  List<Endpoint> byProximity(List<Endpoint> endpoints) {
    List<Endpoint> out = new ArrayList<>(endpoints);
    out.sort(Comparator.comparingInt(e -> e.equals(self) ? 0 : e.datacenter().equals(self.datacenter()) ? 1 : 2));
    return out;
  }

  long deadline(java.time.Duration timeout) {
    return time.nowMillis() + timeout.toMillis();
  }

  // ------------------------------------------------------------------ writes

  /** Writes one partition update at {@code level}; see {@link WriteTracker} for when it is met. */
  public void write(KeyspaceMetadata ks, TableMetadata table, PartitionUpdate update, ConsistencyLevel level, WriteType type) {
    if (CounterWrites.hasIncrements(update)) { // counter writes, alone or in an UNLOGGED or COUNTER batch
      counters.write(ks, table, update, level);
      return;
    }
    List<Endpoint> replicas = new ArrayList<>(replicas(ks, update.key().token()));
    List<Endpoint> pendingReplicas = pendingReplicas(ks, update.key().token());
    Map<String, Integer> pending = new HashMap<>();
    for (Endpoint e : pendingReplicas) {
      pending.merge(e.datacenter(), 1, Integer::sum);
    }
    replicas.addAll(pendingReplicas);
    List<Endpoint> live = live(replicas);
    ReplicaCounts counts = counts(ks, live);
    ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(level, counts, pending);
    WriteTracker tracker = new WriteTracker(level, counts, pending);
    Payloads.Mutation mutation = new Payloads.Mutation(table.id(), update);
    for (Endpoint e : replicas) {
      if (!live.contains(e) && hint(e.hostId(), mutation)) {
        tracker.hinted();
      }
    }
    List<Endpoint> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
    ReplicaFailures failures = new ReplicaFailures();
    for (Endpoint e : live) {
      if (e.equals(self)) {
        local.apply(mutation);
        acked.add(e);
        tracker.ack(e.datacenter());
      } else {
        messaging.request(e.hostId(), Verb.MUTATION, mutation, answer -> {
          if (answer.failure()) {
            failures.failed(e, answer); // as Cassandra's replicas answer a failed write: no waiting for a timeout
          } else {
            acked.add(e);
            tracker.ack(e.datacenter());
          }
        });
      }
    }
    java.time.Duration timeout = type == WriteType.COUNTER ? timeouts.counterWrite() : timeouts.write();
    int candidates = live.size();
    boolean met = time.awaitUntil(() -> tracker.satisfied() || failures.fatal(candidates, tracker.blockFor()), deadline(timeout));
    if (!tracker.satisfied() && failures.fatal(candidates, tracker.blockFor())) {
      throw failures.writeFailure(level, tracker.received(), tracker.blockFor(), type, local);
    }
    if (!met) {
      for (Endpoint e : live) {
        if (!acked.contains(e)) {
          hint(e.hostId(), mutation);
        }
      }
      if (level == ConsistencyLevel.ANY && tracker.satisfied()) {
        return;
      }
      throw new WriteTimeoutException(level, tracker.received(), tracker.blockFor(), type);
    }
  }

  /**
   * Sends a materialized view mutation computed by this node's base replica to every replica of
   * the view partition, without waiting (Cassandra writes view updates asynchronously too): this
   * node's own replica applies it at once, live peers get a MUTATION, the others a hint. Every base
   * replica sends the same mutation with the same timestamps, so applying it several times is
   * harmless (Cassandra pairs each base replica with one view replica instead).
   */
  public void writeView(KeyspaceMetadata ks, TableMetadata view, PartitionUpdate update) {
    Payloads.Mutation mutation = new Payloads.Mutation(view.id(), update);
    for (Endpoint e : replicas(ks, update.key().token())) {
      if (e.equals(self)) {
        local.apply(mutation);
      } else if (alive.test(e.hostId())) {
        messaging.request(e.hostId(), Verb.MUTATION, mutation, answer -> { });
      } else {
        hint(e.hostId(), mutation);
      }
    }
  }

  /** Stores a hint unless the target has been down longer than the hint window; says whether it did. */
  boolean hint(UUID target, Payloads.Mutation mutation) {
    long since = downSinceMillis.applyAsLong(target);
    if (since > 0 && time.nowMillis() - since > timeouts.maxHintWindow().toMillis()) {
      return false;
    }
    hints.add(target, mutation);
    return true;
  }

  /** Unavailable for an operation that needs every node (TRUNCATE), as Cassandra reports it. */
  void requireAllAlive() {
    int total = ring.get().endpoints().size();
    int up = (int) ring.get().endpoints().keySet().stream().filter(alive).count();
    if (up < total) {
      throw new UnavailableException(ConsistencyLevel.ALL, total, up);
    }
  }

  /** Sends a table-wide request to every node and waits for every answer. */
  void everyNode(Verb verb, Object payload, Runnable localAction, java.time.Duration timeout) {
    requireAllAlive();
    List<UUID> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
    int expected = 0;
    for (UUID node : ring.get().endpoints().keySet()) {
      if (node.equals(self.hostId())) {
        continue;
      }
      expected++;
      messaging.request(node, verb, payload, a -> answered.add(a.from()));
    }
    localAction.run();
    int needed = expected;
    if (!time.awaitUntil(() -> answered.size() >= needed, deadline(timeout))) {
      throw new dev.ringlet.internal.error.CqlException(dev.ringlet.internal.error.ErrorCode.TRUNCATE_ERROR,
          "Error during truncate: Truncate timed out - received only " + answered.size() + " responses");
    }
  }

  /** Raises a read timeout with Cassandra's counts. */
  static ReadTimeoutException readTimeout(ConsistencyLevel level, int received, int blockFor, boolean dataPresent) {
    return new ReadTimeoutException(level, received, blockFor, dataPresent);
  }
}
