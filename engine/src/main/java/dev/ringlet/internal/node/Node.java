package dev.ringlet.internal.node;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Topology;
import dev.ringlet.internal.coordinator.CoordinatedTables;
import dev.ringlet.internal.coordinator.Coordinator;
import dev.ringlet.internal.coordinator.HintStore;
import dev.ringlet.internal.coordinator.Batchlog;
import dev.ringlet.internal.coordinator.PaxosCoordinator;
import dev.ringlet.internal.coordinator.PaxosReplica;
import dev.ringlet.internal.coordinator.ReplicaService;
import dev.ringlet.internal.coordinator.SchemaSync;
import dev.ringlet.internal.exec.ConsistencyGuard;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.RequestTables;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.SystemTableSource;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.TimeUuids;
import dev.ringlet.internal.exec.ddl.DdlExecutor;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.gossip.GossipListener;
import dev.ringlet.internal.gossip.Gossiper;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.time.TimestampGenerator;
import dev.ringlet.internal.transport.CqlRequestProcessor;
import dev.ringlet.internal.transport.Events;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node: the composition root that builds its object graph (schema, storage, executor,
 * protocol server, and in a cluster its messaging, gossip, coordinator and schema sync). Nothing
 * here is static, so any number of nodes can live in one JVM.
 */
public final class Node implements AutoCloseable, GossipListener {

  private final NodeConfig config;
  private final SchemaManager schema;
  private final QueryProcessor processor;
  private final SystemTableSource tables;
  private final dev.ringlet.internal.exec.auth.AccessControl access;
  private final Storage storage;
  private final ClusterContext cluster;
  private final MessagingEndpoint messaging;
  private final Gossiper gossiper;
  private final SchemaSync schemaSync;
  private final HintStore hints = new HintStore();
  private final Batchlog batchlog;
  private final Map<UUID, Long> downSince = new ConcurrentHashMap<>();
  private final AtomicReference<ProtocolServer> server = new AtomicReference<>();
  /** Where this node reports the requests it answers: nowhere unless {@link #recordQueriesTo} says. */
  private volatile dev.ringlet.internal.querylog.QueryRecorder queryLog;

  /** A node alone keeping its data in memory: its own replica for everything, no messaging. */
  public Node(NodeConfig config) {
    this(config, null, dev.ringlet.internal.storage.StorageConfig.inMemory(config.clock()));
  }

  /** A node alone storing data as {@code storageConfig} says; a durable one recovers its schema and data first. */
  public Node(NodeConfig config, dev.ringlet.internal.storage.StorageConfig storageConfig) {
    this(config, null, storageConfig);
  }

  /** A node of a cluster ({@code cluster} non-null) or alone. */
  Node(NodeConfig config, ClusterContext cluster, dev.ringlet.internal.storage.StorageConfig storageConfig) {
    this.config = config;
    this.cluster = cluster;
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    this.schema = new SchemaManager(new Schema(UUID.nameUUIDFromBytes("ringlet-initial-schema".getBytes()), keyspaces));
    this.storage = new Storage(storageConfig);
    this.tables = new SystemTableSource(storage, schema::current, this::localInfo, this::peerInfos);
    TimestampGenerator timestamps = cluster == null ? new TimestampGenerator(config.clock()) : cluster.timestamps();
    TimeUuids ids = new TimeUuids(config.clock());
    RequestTables requestTables;
    TableSource ddlTables;
    ConsistencyGuard guard;
    dev.ringlet.internal.exec.ConditionalWrites conditional = null;
    dev.ringlet.internal.exec.LoggedBatches batches = dev.ringlet.internal.exec.LoggedBatches.NONE;
    if (cluster == null) {
      this.batchlog = null;
      this.messaging = null;
      this.gossiper = null;
      this.schemaSync = null;
      requestTables = RequestTables.of(tables);
      ddlTables = tables;
      Topology single = Topology.singleNode(config.datacenter());
      guard = new ConsistencyGuard(() -> single);
    } else {
      this.messaging = new MessagingEndpoint(config.hostId(), cluster.transport());
      List<UUID> peers = peerIds();
      this.gossiper = new Gossiper(config.hostId(), peers, messaging, cluster.time(), this, this::schemaEpoch,
          () -> schema.current().version());
      this.schemaSync = new SchemaSync(schema, storage, messaging, () -> Set.copyOf(peerIds()), gossiper::isAlive, gossiper::round);
      ReplicaService replica = new ReplicaService(schema::current, tables::store);
      replica.register(messaging);
      Coordinator coordinator = new Coordinator(new Endpoint(config.hostId(), config.datacenter(), config.rack()), cluster::ring,
          gossiper::isAlive, messaging, replica, cluster.time(), cluster.timeouts(), hints,
          peer -> downSince.getOrDefault(peer, 0L));
      PaxosReplica paxos = new PaxosReplica(replica);
      paxos.register(messaging);
      PaxosCoordinator paxosCoordinator = new PaxosCoordinator(coordinator, paxos, schema::current, timestamps::next);
      conditional = paxosCoordinator;
      CoordinatedTables coordinated = new CoordinatedTables(schema::current, tables, coordinator, paxosCoordinator);
      this.batchlog = new Batchlog(coordinator, schema::current);
      batches = batchlog;
      requestTables = coordinated;
      ddlTables = coordinated.everyNode();
      // Per-token replica checks happen in the coordinator; the guard only validates the level.
      // (The ring is read per request: over TCP it grows as processes join.)
      guard = new ConsistencyGuard(() -> {
        Map<String, Integer> sizes = cluster.ring().datacenterSizes();
        return new Topology(config.datacenter(), sizes, sizes);
      });
    }
    java.util.function.Supplier<Map<String, Integer>> datacenters = cluster == null ? () -> Map.of(config.datacenter(), 1)
        : () -> cluster.ring().datacenterSizes();
    DdlExecutor ddl = new DdlExecutor(schema, storage, ddlTables, datacenters, ids::next, config.clock(),
        config.userDefinedFunctions());
    WriteExecutor writes = new WriteExecutor(requestTables, conditional, batches, timestamps, config.clock());
    TermFunctions functions = new TermFunctions(config.clock(), schema::current);
    // In a cluster, roles and permissions are read and written through the coordinator, like data.
    TableSource authTables = cluster == null ? tables : requestTables.forRequest(ConsistencyLevel.ONE,
        dev.ringlet.internal.cluster.WriteType.SIMPLE);
    this.access = dev.ringlet.internal.exec.auth.AccessControl.of(config.authentication(), schema::current, authTables,
        writes, functions, config.clock());
    this.processor = new QueryProcessor(schema, tables, requestTables, writes, ddl, functions,
        config.clock(), this::publishSchemaChange, guard, access);
    if (cluster == null) {
      access.setup();
    } else {
      // The default superuser's row, written at timestamp 0 on every node's own store (the same row
      // everywhere), so it exists on its replicas before any node can talk to another.
      dev.ringlet.internal.exec.auth.AccessControl.of(config.authentication(), schema::current, tables,
          new WriteExecutor(RequestTables.of(tables), null, dev.ringlet.internal.exec.LoggedBatches.NONE, timestamps, config.clock()),
          functions, config.clock()).setup();
    }
    if (storageConfig.durable()) {
      java.nio.file.Path schemaFile = storageConfig.directory().resolve("schema.cql");
      SchemaFile.load(schemaFile, processor);
      // every stored table (user tables and stored system ones such as system_auth's) adopts its files
      for (KeyspaceMetadata ks : schema.current().keyspaces().values()) {
        if (ks.virtual()) {
          continue;
        }
        for (dev.ringlet.internal.schema.TableMetadata t : ks.tables().values()) {
          if (SystemKeyspaces.table(ks.name(), t.name()) == null) {
            tables.store(t);
          }
        }
      }
      storage.recover();
      schema.onChange(s -> SchemaFile.write(schemaFile, s));
    }
  }

  /** This node's storage: flush, compaction, snapshots and statistics (see {@link dev.ringlet.api.RingletNode}). */
  public Storage storage() {
    return storage;
  }

  /** The table's storage figures on this node, as {@link dev.ringlet.api.RingletNode#tableStats} reports them. */
  public dev.ringlet.api.TableStatistics tableStatistics(String keyspace, String table) {
    dev.ringlet.internal.storage.TableStats s = storage.stats(tableId(keyspace, table));
    return new dev.ringlet.api.TableStatistics(s.memtablePartitions(), s.memtableHeapBytes(), s.sstableCount(),
        s.sstableBytesOnDisk(), s.sstableBytesUncompressed(), s.estimatedPartitions(), s.tombstones(),
        s.sstablesPerLevel(), s.compactionsCompleted(), s.bytesCompacted());
  }

  /** The table's id, or an IllegalArgumentException naming what is missing. */
  public UUID tableId(String keyspace, String table) {
    dev.ringlet.internal.schema.TableMetadata t = schema.current().table(keyspace, table);
    if (t == null) {
      throw new IllegalArgumentException("table: " + keyspace + "." + table + " (expected: an existing table)");
    }
    tables.store(t);
    return t.id();
  }

  private List<UUID> peerIds() {
    List<UUID> out = new ArrayList<>();
    for (NodeConfig m : cluster.members()) {
      if (!m.hostId().equals(config.hostId())) {
        out.add(m.hostId());
      }
    }
    return out;
  }

  private long schemaEpoch() {
    return schemaSync == null ? 0 : schemaSync.epoch();
  }

  /** Starts serving CQL (and, in a cluster, joins the bus and gossips); returns once clients can connect. */
  public void start(WireResources resources) {
    if (cluster != null) {
      cluster.setRunning(config.hostId(), true);
      // Catch up on schema changes missed while down before peers replay hints for new tables.
      for (UUID peer : peerIds()) {
        schemaSync.pull(peer);
      }
      gossiper.start();
    }
    ProtocolServer s = ProtocolServers.start(ProtocolServerConfig.of(config.address(), config.port()),
        new CqlRequestProcessor(processor, access, cluster == null ? null : cluster.requests()).recordingTo(queryLog()), resources);
    server.set(s);
  }

  /** Makes this node report the requests it answers to its cluster's query log; call it before {@link #start}. */
  public void recordQueriesTo(dev.ringlet.internal.querylog.QueryLogBook book) {
    this.queryLog = book.recorder(config.hostId(), this::nativeAddress, config.clock());
  }

  private dev.ringlet.internal.querylog.QueryRecorder queryLog() {
    dev.ringlet.internal.querylog.QueryRecorder r = queryLog;
    return r != null ? r : new dev.ringlet.internal.querylog.QueryLogBook(0).recorder(config.hostId(), this::nativeAddress, config.clock());
  }

  public boolean isRunning() {
    return server.get() != null;
  }

  /** Stops serving and leaves the bus; {@code graceful} tells the peers first. Data is kept. */
  public void stop(boolean graceful) {
    if (cluster != null && graceful && isRunning()) {
      gossiper.announceShutdown();
    }
    if (cluster != null) {
      cluster.setRunning(config.hostId(), false);
      messaging.reset();
    }
    close();
  }

  /** One gossip round (the cluster runs it every second of its clock). */
  void gossipRound() {
    if (isRunning() && cluster != null && !cluster.paused(config.hostId())) {
      gossiper.round();
      batchlog.replayExpired();
      for (UUID peer : peerIds()) {
        if (hints.pending(peer) > 0 && gossiper.isAlive(peer)) {
          hints.replay(peer, messaging);
        }
      }
    }
  }

  /**
   * A member learned while running (over TCP): it joins gossip (DOWN until it answers), drivers
   * hear of it (TOPOLOGY_CHANGE NEW_NODE), and a schema pull catches up with it.
   */
  void memberAdded(NodeConfig member) {
    if (member.hostId().equals(config.hostId())) {
      return;
    }
    gossiper.addPeer(member.hostId());
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.topologyChange(true, new InetSocketAddress(member.address(), member.port())));
    }
    if (isRunning()) {
      schemaSync.pull(member.hostId());
    }
  }

  /** Handles a verb on this node's messaging (for membership outside the node graph). */
  void handle(dev.ringlet.internal.messaging.Verb verb, java.util.function.Function<dev.ringlet.internal.messaging.Message, Object> handler) {
    messaging.handle(verb, handler);
  }

  /** Sends a request from this node. */
  void request(UUID to, dev.ringlet.internal.messaging.Verb verb, Object payload,
      java.util.function.Consumer<dev.ringlet.internal.messaging.Message> onResponse) {
    messaging.request(to, verb, payload, onResponse);
  }

  public InetSocketAddress nativeAddress() {
    ProtocolServer s = server.get();
    return s == null ? new InetSocketAddress(config.address(), config.port()) : s.localAddress();
  }

  public NodeConfig config() {
    return config;
  }

  /** Hints this node holds for other nodes. */
  public int pendingHints() {
    return hints.pending();
  }

  /** Whether this node currently believes the peer is alive. */
  public boolean believesAlive(UUID peer) {
    return gossiper == null ? peer.equals(config.hostId()) : gossiper.isAlive(peer);
  }

  /** What this node says of itself in {@code system.local}. */
  public NodeInfo localInfo() {
    InetSocketAddress a = nativeAddress();
    return new NodeInfo(config.clusterName(), config.datacenter(), config.rack(), config.releaseVersion(),
        config.hostId(), config.tokens(), config.address(), config.storagePort(), config.address(), config.storagePort(),
        config.address(), a.getPort(), schema.current().version());
  }

  /** What this node knows of its peers, for {@code system.peers}: static facts plus gossip's schema versions. */
  private List<NodeInfo> peerInfos() {
    if (cluster == null) {
      return List.of();
    }
    List<NodeInfo> out = new ArrayList<>();
    for (NodeConfig m : cluster.members()) {
      if (m.hostId().equals(config.hostId())) {
        continue;
      }
      UUID version = gossiper.schemaVersion(m.hostId());
      out.add(new NodeInfo(m.clusterName(), m.datacenter(), m.rack(), m.releaseVersion(), m.hostId(), m.tokens(), m.address(),
          m.storagePort(), m.address(), m.storagePort(), m.address(), m.port(), version));
    }
    return out;
  }

  /** Empties every table of the keyspaces (see {@link dev.ringlet.api.RingletCluster#truncate}). */
  public int truncate(java.util.Set<String> keyspaces) {
    int count = 0;
    for (String name : keyspaces) {
      if (dev.ringlet.internal.exec.ddl.SystemNames.isSystem(name)) {
        throw new IllegalArgumentException("keyspace: " + name + " (expected: a user keyspace, not a system one)");
      }
      KeyspaceMetadata ks = schema.current().keyspace(name);
      if (ks == null) {
        continue;
      }
      for (dev.ringlet.internal.schema.TableMetadata t : ks.tables().values()) {
        tables.store(t).truncate();
        count++;
      }
    }
    return count;
  }

  private void publishSchemaChange(Result.SchemaChange change) {
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.schemaChange(change));
    }
  }

  private InetSocketAddress nativeAddressOf(UUID peer) {
    for (NodeConfig m : cluster.members()) {
      if (m.hostId().equals(peer)) {
        return new InetSocketAddress(m.address(), m.port());
      }
    }
    throw new IllegalArgumentException("peer: " + peer + " (expected: a member of the cluster)");
  }

  @Override
  public void onUp(UUID peer) {
    downSince.remove(peer);
    hints.replay(peer, messaging);
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.statusChange(true, nativeAddressOf(peer)));
    }
  }

  @Override
  public void onDown(UUID peer) {
    downSince.put(peer, cluster.time().nowMillis());
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.statusChange(false, nativeAddressOf(peer)));
    }
  }

  @Override
  public void onNewerSchema(UUID peer, long epoch) {
    schemaSync.pull(peer);
  }

  @Override
  public void close() {
    ProtocolServer s = server.getAndSet(null);
    if (s != null) {
      s.close();
    }
    storage.close();
  }
}
