package dev.ringlet.internal.node;

import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Topology;
import dev.ringlet.internal.coordinator.Batchlog;
import dev.ringlet.internal.coordinator.CoordinatedTables;
import dev.ringlet.internal.coordinator.Coordinator;
import dev.ringlet.internal.coordinator.HintStore;
import dev.ringlet.internal.coordinator.PaxosCoordinator;
import dev.ringlet.internal.coordinator.PaxosReplica;
import dev.ringlet.internal.coordinator.RangeStreamer;
import dev.ringlet.internal.coordinator.ReplicaService;
import dev.ringlet.internal.coordinator.Repair;
import dev.ringlet.internal.coordinator.SchemaSync;
import dev.ringlet.internal.exec.ConsistencyGuard;
import dev.ringlet.internal.exec.SystemTableSource;
import dev.ringlet.internal.exec.view.ViewMaintenance;
import dev.ringlet.internal.gossip.GossipListener;
import dev.ringlet.internal.gossip.Gossiper;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.storage.StorageConfig;
import dev.ringlet.internal.time.TimestampGenerator;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What a node of a cluster has and a node alone has not: its messaging endpoint, gossip, schema
 * sync, the coordinator with its replica and Paxos handlers, the batchlog, streaming and repair;
 * and the request paths that go through them (coordinated tables, a consistency guard that reads
 * the ring). Built once per node by {@link #build}, part of {@link Node}'s object graph.
 *
 * @param conditional the Paxos coordinator that serves conditional writes
 * @param tables the tables as requests reach them: through the coordinator
 * @param guard validates consistency levels against the ring's datacenters
 */
record ClusterServices(MessagingEndpoint messaging, Gossiper gossiper, SchemaSync schemaSync, Coordinator coordinator,
    PaxosCoordinator conditional, CoordinatedTables tables, Batchlog batchlog, RangeStreamer streamer, Repair repair,
    ConsistencyGuard guard) {

  /** The node's own parts these services use, and the callbacks into the node they need. */
  record NodeParts(NodeConfig config, SchemaManager schema, Storage storage, StorageConfig storageConfig,
      SystemTableSource tables, ViewMaintenance views, HintStore hints, TimestampGenerator timestamps) {}

  /**
   * Builds the services and registers their handlers on the node's messaging endpoint.
   *
   * @param listener hears gossip's verdicts (the node)
   * @param schemaEpoch the node's schema epoch, read by gossip (the node reads it from the schema sync built here)
   * @param peers the other members' host ids, now
   * @param addressOf a member's address by host id, as failure answers name replicas
   * @param describe a member as Cassandra's messages name it
   * @param downSince when the node saw a peer go down (0: not down)
   */
  static ClusterServices build(NodeParts node, ClusterContext cluster, GossipListener listener, LongSupplier schemaEpoch,
      Supplier<List<UUID>> peers, Function<UUID, InetAddress> addressOf, Function<UUID, String> describe,
      ToLongFunction<UUID> downSince) {
    NodeConfig config = node.config();
    SchemaManager schema = node.schema();
    MessagingEndpoint messaging = new MessagingEndpoint(config.hostId(), cluster.transport());
    Gossiper gossiper = new Gossiper(config.hostId(), peers.get(), messaging, cluster.time(), listener, schemaEpoch,
        () -> schema.current().version());
    // Over TCP a DDL statement waits for its live peers to install the change (see SchemaSync), at
    // most a write's timeout; the in-JVM bus delivers pushes on the sender's thread.
    SchemaSync schemaSync = new SchemaSync(schema, node.storage(), messaging, () -> Set.copyOf(peers.get()),
        gossiper::isAlive, gossiper::round, cluster.time(),
        cluster.bus() == null ? cluster.timeouts().write() : java.time.Duration.ZERO);
    ReplicaService replica = new ReplicaService(schema::current, node.tables()::store, config.readThresholds(),
        config.clock()::nowInSeconds, addressOf);
    replica.register(messaging);
    Coordinator coordinator = new Coordinator(new Endpoint(config.hostId(), config.datacenter(), config.rack()), cluster::ring,
        cluster::futureRing, gossiper::isAlive, messaging, replica, cluster.time(), cluster.timeouts(), node.hints(),
        downSince);
    node.views().writeTo((view, update) -> coordinator.writeView(schema.current().keyspace(view.keyspace()), view, update));
    coordinator.register(messaging);
    PaxosReplica paxos = new PaxosReplica(replica);
    paxos.register(messaging);
    PaxosCoordinator paxosCoordinator = new PaxosCoordinator(coordinator, paxos, schema::current, node.timestamps()::next);
    CoordinatedTables coordinated = new CoordinatedTables(schema::current, node.tables(), coordinator, paxosCoordinator);
    StorageConfig storageConfig = node.storageConfig();
    Batchlog batchlog = new Batchlog(coordinator, schema::current,
        storageConfig.durable() ? storageConfig.directory().resolve("batchlog") : null);
    RangeStreamer streamer = new RangeStreamer(coordinator, schema::current);
    Repair repair = new Repair(coordinator, schema::current, describe);
    // Per-token replica checks happen in the coordinator; the guard only validates the level.
    // (The ring is read per request: over TCP it grows as processes join.)
    ConsistencyGuard guard = new ConsistencyGuard(() -> {
      Map<String, Integer> sizes = cluster.ring().datacenterSizes();
      return new Topology(config.datacenter(), sizes, sizes);
    });
    return new ClusterServices(messaging, gossiper, schemaSync, coordinator, paxosCoordinator, coordinated, batchlog, streamer,
        repair, guard);
  }
}
