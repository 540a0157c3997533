package dev.ringlet.internal.node;

import dev.ringlet.internal.dht.NameUuids;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Topology;
import dev.ringlet.internal.coordinator.Coordinator;
import dev.ringlet.internal.coordinator.HintStore;
import dev.ringlet.internal.coordinator.Batchlog;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node: the composition root that builds its object graph (schema, storage, executor,
 * protocol server, and in a cluster its messaging, gossip, coordinator and schema sync). Nothing
 * here is static, so any number of nodes can live in one JVM.
 *
 * <p>Over 500 lines because the composition, the lifecycle (start, stop, kill, failure policies) and
 * the reactions to membership changes all work on the same fields; the parts that stand alone live
 * beside it: {@link ClusterServices} (what only a node of a cluster has), {@link Members} (the
 * peers as {@code system.peers} and Cassandra's messages describe them), {@link SavedSchema} (a
 * durable node's schema file).
 */
public final class Node implements AutoCloseable, GossipListener {

  private final NodeConfig config;
  private final SchemaManager schema;
  private final QueryProcessor processor;
  private final SystemTableSource tables;
  private final dev.ringlet.internal.exec.auth.AccessControl access;
  /** Records traced requests in system_traces. */
  private final dev.ringlet.internal.exec.trace.Tracing tracing;
  private final Storage storage;
  private final ClusterContext cluster;
  /** The cluster's members as this node sees them; null for a node alone. */
  private final Members members;
  private final MessagingEndpoint messaging;
  private final Gossiper gossiper;
  /** {@code system.local.gossip_generation}: set by each {@link #start}. */
  private volatile int gossipGeneration;
  private final SchemaSync schemaSync;
  private final HintStore hints;
  private final Batchlog batchlog;
  private final dev.ringlet.internal.coordinator.RangeStreamer streamer;
  private final dev.ringlet.internal.coordinator.Repair repair;
  /** Null for a node without a network. */
  private final Coordinator coordinator;
  /** Runs user-defined function calls within the configured timeouts. */
  private final dev.ringlet.internal.exec.udf.UdfExecutor udfExecutor;
  private final Map<UUID, Long> downSince = new ConcurrentHashMap<>();
  private final AtomicReference<ProtocolServer> server = new AtomicReference<>();
  /** Whether a durable node's storage was taken down by stop/kill, to be recovered by {@link #start}. */
  private volatile boolean storageDown;
  private volatile int boundPort;
  private volatile Runnable dieAction = () -> stop(false);
  /** Where this node reports the requests it answers: nowhere unless {@link #recordQueriesTo} says. */
  private volatile dev.ringlet.internal.querylog.QueryRecorder queryLog;
  /** How clients connect over TLS; null: plain only. */
  private volatile dev.ringlet.wire.ClientTls clientTls;

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
    this.udfExecutor = new dev.ringlet.internal.exec.udf.UdfExecutor(config.udfTimeouts());
    this.members = cluster == null ? null : new Members(config, cluster);
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    this.schema = new SchemaManager(new Schema(NameUuids.of("ringlet-initial-schema".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        keyspaces));
    this.storage = new Storage(storageConfig);
    storage.onFailure(this::storageFailed);
    // a durable node keeps its hints and batchlog beside its data, as Cassandra does (hints/, batchlog/)
    this.hints = storageConfig.durable() ? new HintStore(storageConfig.directory().resolve("hints")) : new HintStore();
    this.tables = new SystemTableSource(storage, schema::current, this::localInfo, this::peerInfos);
    dev.ringlet.internal.trace.Tracer tracer = new dev.ringlet.internal.trace.Tracer(config.address(), config.storagePort(),
        config.clock());
    tables.traceWith(tracer);
    tracer.countSstablePartitionsWith(table -> {
      dev.ringlet.internal.storage.TableStats stats = storage.stats(table);
      return stats == null ? 0 : stats.estimatedPartitions() - stats.memtablePartitions();
    });
    tracer.countSstablesWith(table -> {
      dev.ringlet.internal.storage.TableStats stats = storage.stats(table);
      return stats == null ? 0 : stats.sstableCount();
    });
    dev.ringlet.internal.exec.view.ViewMaintenance views = new dev.ringlet.internal.exec.view.ViewMaintenance(schema::current,
        config.clock(), (view, update) -> tables.store(view).apply(update));
    tables.maintainViews(views);
    TimestampGenerator timestamps = cluster == null ? new TimestampGenerator(config.clock()) : cluster.timestamps();
    TimeUuids ids = new TimeUuids(config.clock());
    RequestTables requestTables;
    TableSource ddlTables;
    ConsistencyGuard guard;
    dev.ringlet.internal.exec.ConditionalWrites conditional = null;
    dev.ringlet.internal.exec.LoggedBatches batches = dev.ringlet.internal.exec.LoggedBatches.NONE;
    dev.ringlet.internal.exec.LocalPaxos localPaxos = null;
    if (cluster == null) {
      this.batchlog = null;
      this.messaging = null;
      this.gossiper = null;
      this.schemaSync = null;
      this.streamer = null;
      this.repair = null;
      this.coordinator = null;
      localPaxos = new dev.ringlet.internal.exec.LocalPaxos(tracer, config.hostId());
      requestTables = new dev.ringlet.internal.coordinator.ThresholdedTables(tables, config.readThresholds(), config.address(),
          timestamps).traceWith(tracer, config.tokens()).withPaxos(localPaxos);
      ddlTables = tables;
      Topology single = Topology.singleNode(config.datacenter());
      guard = new ConsistencyGuard(() -> single);
    } else {
      ClusterServices services = ClusterServices.build(new ClusterServices.NodeParts(config, schema, storage, storageConfig, tables,
          views, hints, timestamps), cluster, this, this::schemaEpoch, members::peerIds, members::addressOf, members::describe,
          peer -> downSince.getOrDefault(peer, 0L));
      this.messaging = services.messaging();
      messaging.traceWith(tracer, members::addressOf, new dev.ringlet.internal.coordinator.WireCodec());
      this.gossiper = services.gossiper();
      this.schemaSync = services.schemaSync();
      this.coordinator = services.coordinator();
      this.batchlog = services.batchlog();
      this.streamer = services.streamer();
      this.repair = services.repair();
      conditional = services.conditional();
      batches = batchlog;
      requestTables = services.tables();
      ddlTables = services.tables().everyNode();
      guard = services.guard();
      // As Cassandra's, every node tells its clients of a schema change, not only the coordinator.
      java.util.concurrent.atomic.AtomicReference<Schema> knownSchema = new java.util.concurrent.atomic.AtomicReference<>(schema.current());
      schema.onChange(knownSchema::set);
      schema.onInstall(s -> dev.ringlet.internal.exec.ddl.SchemaChanges.between(knownSchema.getAndSet(s), s)
          .forEach(this::publishSchemaChange));
    }
    java.util.function.Supplier<Map<String, Integer>> known = cluster == null ? () -> Map.of(config.datacenter(), 1)
        : () -> cluster.ring().datacenterSizes();
    SavedSchema saved = new SavedSchema(known);
    DdlExecutor ddl = new DdlExecutor(schema, storage, ddlTables, saved::datacenters, ids::next, config.clock(),
        config.userDefinedFunctions()).withMaterializedViews(config.materializedViews())
        .withDynamicDataMasking(config.dynamicDataMasking());
    WriteExecutor writes = new WriteExecutor(requestTables, conditional, batches, timestamps, config.clock())
        .traceWith(tracer, localPaxos);
    TermFunctions functions = new TermFunctions(config.clock(), schema::current, udfExecutor);
    // In a cluster, roles and permissions are read and written through the coordinator, like data.
    TableSource authTables = cluster == null ? tables : requestTables.forRequest(ConsistencyLevel.ONE,
        dev.ringlet.internal.cluster.WriteType.SIMPLE);
    this.access = dev.ringlet.internal.exec.auth.AccessControl.of(config.authentication(), schema::current, authTables,
        writes, functions, config.clock());
    this.tracing = new dev.ringlet.internal.exec.trace.Tracing(schema::current, writes, functions, config.clock(),
        config.address(), config.storagePort(), tracer);
    if (cluster != null) {
      tracing.writeLateEventsOn(cluster.requests());
    }
    this.processor = new QueryProcessor(schema, tables, requestTables, writes, ddl, functions,
        config.clock(), this::announceSchemaChange, guard, access).withDynamicDataMasking(config.dynamicDataMasking())
        .withUdfWarnings(udfExecutor::drainWarnings);
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
      SchemaFile.Saved restored = saved.restore(schemaFile, processor, schema, ddl);
      if (restored != null && schemaSync != null) {
        schemaSync.restoreEpoch(restored.epoch());
      }
      openStores();
      storage.recover();
      saved.saveOnChange(schemaFile, schema, this::schemaEpoch);
    }
  }

  /** Every stored table (user tables and stored system ones such as system_auth's) opens its files. */
  private void openStores() {
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
  }

  /**
   * Sets what {@code die} failure policies do once transports are stopped: a standalone server
   * exits; in one JVM the default kills this node (it cannot end the test's JVM).
   */
  public void onDie(Runnable action) {
    this.dieAction = action;
  }

  /**
   * A failure policy stopped the storage (commit log or SSTable write failed): as Cassandra's
   * {@code stop}, the node stops its client transport and gossip, on another thread (this one may be a
   * request on the transport's event loop); with {@code die} it then goes away entirely.
   */
  private void storageFailed(dev.ringlet.internal.storage.FailurePolicy policy, RuntimeException cause) {
    Thread t = new Thread(() -> {
      stopTransports();
      if (policy == dev.ringlet.internal.storage.FailurePolicy.DIE) {
        dieAction.run();
      }
    }, "ringlet-disk-failure-" + config.hostId());
    t.setDaemon(true);
    t.start();
  }

  /** Stops serving clients and leaves the cluster's messaging, keeping storage as it is. */
  private void stopTransports() {
    if (cluster != null) {
      cluster.setRunning(config.hostId(), false);
      messaging.reset();
    }
    ProtocolServer s = server.getAndSet(null);
    if (s != null) {
      s.close();
    }
  }

  /** This node's storage: flush, compaction, snapshots and statistics (see {@link dev.ringlet.api.RingletNode}). */
  public Storage storage() {
    return storage;
  }

  /** The node's file-system seam, for injecting disk failures; refused for a node without files. */
  dev.ringlet.internal.storage.DiskAccess disk(String operation) {
    if (!storage.config().durable()) {
      throw new UnsupportedOperationException(operation + ": this node keeps its data in memory and writes no files"
          + " (expected: a cluster with a data directory, ClusterSpec.withDataDirectory)");
    }
    return storage.config().disk();
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

  private long schemaEpoch() {
    return schemaSync == null ? 0 : schemaSync.epoch();
  }

  /**
   * As 5.0's {@code SystemKeyspace.incrementAndGetGeneration}: the start second, above the previous
   * start's; a durable node keeps it in its {@code system.local} ({@link LocalState}), so a restart of
   * its process (whose clock may be behind the last start's second) still goes above it.
   */
  private int nextGossipGeneration() {
    int now = (int) (config.clock().currentTimeMillis() / 1000);
    if (!storage.config().durable()) {
      return Math.max(now, gossipGeneration + 1);
    }
    java.nio.file.Path directory = storage.config().directory();
    LocalState saved = LocalState.load(directory);
    if (saved == null) { // not a node directory of NodeDirectories (none has no system.local)
      return Math.max(now, gossipGeneration + 1);
    }
    int next = Math.max(saved.nextGossipGeneration(now), gossipGeneration + 1);
    saved.withGossipGeneration(next).save(directory);
    return next;
  }

  /** Starts serving CQL (and, in a cluster, joins the bus and gossips); returns once clients can connect. */
  public void start(WireResources resources) {
    gossipGeneration = nextGossipGeneration();
    if (storage.stopped() && !storageDown) {
      // stopped by a failure policy: what it held in memory is lost, its files are recovered
      storageDown = true;
      storage.shutDown(true);
    }
    if (storageDown) {
      // a durable node stopped or killed in this JVM recovers from its files, as a new process would
      storage.restart();
      openStores();
      storage.recover();
      storageDown = false;
    }
    if (cluster != null) {
      cluster.setRunning(config.hostId(), true);
      // Catch up on schema changes missed while down before peers replay hints for new tables.
      for (UUID peer : members.peerIds()) {
        schemaSync.pull(peer);
      }
      gossiper.start();
    }
    // a restarted node binds the port it had (config.port() may be 0: any free port, the first time)
    int port = boundPort != 0 ? boundPort : config.port();
    ProtocolServer s = ProtocolServers.start(ProtocolServerConfig.of(config.address(), port), clientTls,
        new CqlRequestProcessor(processor, access, cluster == null ? null : cluster.requests()).recordingTo(queryLog())
            .tracingTo(tracing), resources);
    boundPort = s.localAddress().getPort();
    server.set(s);
  }

  /** Makes this node serve clients over TLS ({@code client_encryption_options}); call it before {@link #start}. */
  public void serveTls(dev.ringlet.wire.ClientTls tls) {
    this.clientTls = tls;
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

  /**
   * Stops serving and leaves the bus; {@code graceful} tells the peers first. Data is kept: in
   * memory as it is; with a data directory a graceful stop flushes every table, and a kill loses
   * what was not synced to the commit log (see {@link Storage#shutDown}), and {@link #start}
   * recovers from the files.
   */
  public void stop(boolean graceful) {
    if (cluster != null && graceful && isRunning()) {
      gossiper.announceShutdown();
    }
    stopTransports();
    if (storage.config().durable() && !storageDown) {
      storageDown = true;
      storage.shutDown(!graceful);
    }
  }

  /** The clock moved (a manual clock): periodic work that follows it, such as a PERIODIC commit-log sync. */
  void tick() {
    if (!storageDown) {
      storage.tick();
    }
  }

  /** One gossip round (the cluster runs it every second of its clock). */
  void gossipRound() {
    if (isRunning() && cluster != null && !cluster.paused(config.hostId())) {
      gossiper.round();
      batchlog.replayExpired();
      for (UUID peer : members.peerIds()) {
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

  /** Answers a request later (its handler returned null to finish the work on another thread). */
  void reply(dev.ringlet.internal.messaging.Message request, Object answer) {
    messaging.reply(request, answer);
  }

  /** Answers a request later with a failure. */
  void fail(dev.ringlet.internal.messaging.Message request, String reason) {
    messaging.fail(request, reason);
  }

  /** The epoch of the schema this node has (see {@link SchemaSync}); 0 for a node alone. */
  long schemaEpochNow() {
    return schemaEpoch();
  }

  /** Heartbeats every peer now (a peer just added learns at once that this node is up, and answers). */
  void gossipNow() {
    if (isRunning() && gossiper != null) {
      gossiper.round();
    }
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
        config.address(), a.getPort(), schema.current().version(), gossipGeneration);
  }

  /** What this node knows of its peers, for {@code system.peers}: static facts plus gossip's schema versions. */
  private List<NodeInfo> peerInfos() {
    return cluster == null ? List.of() : members.peerInfos(gossiper::schemaVersion);
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

  /**
   * A schema statement this node ran made {@code change}: its live peers acknowledge the change
   * first (in a cluster), so the statement's answer and event come when every node has it.
   */
  private void announceSchemaChange(Result.SchemaChange change) {
    if (schemaSync != null) {
      schemaSync.awaitAnnounced();
    }
    publishSchemaChange(change);
  }

  private void publishSchemaChange(Result.SchemaChange change) {
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.schemaChange(change));
    }
  }

  // ------------------------------------------------------------------ membership changes (in one JVM)

  /** A bootstrap that failed: stop gossiping with the node. */
  void peerJoinAborted(UUID peer) {
    gossiper.removePeer(peer);
  }

  /** The node's current schema. */
  Schema schemaSnapshot() {
    return schema.current();
  }

  /** A node starts bootstrapping: gossip with it (its pending ranges get writes), but tell no driver yet. */
  void peerJoining(UUID peer) {
    gossiper.addPeer(peer);
  }

  /**
   * A node finished bootstrapping and is a member: drivers hear TOPOLOGY_CHANGE NEW_NODE then
   * STATUS_CHANGE UP, as Cassandra's event notifier sends them.
   */
  void memberJoined(NodeConfig member) {
    if (member.hostId().equals(config.hostId())) {
      return;
    }
    gossiper.addPeer(member.hostId());
    ProtocolServer s = server.get();
    if (s != null) {
      InetSocketAddress address = new InetSocketAddress(member.address(), member.port());
      s.publish(Events.topologyChange(true, address));
      if (gossiper.isAlive(member.hostId())) {
        s.publish(Events.statusChange(true, address));
      }
    }
  }

  /** A node left the ring (decommissioned or removed): forget it, and tell drivers TOPOLOGY_CHANGE REMOVED_NODE. */
  void memberLeft(NodeConfig member) {
    if (member.hostId().equals(config.hostId())) {
      return;
    }
    gossiper.removePeer(member.hostId());
    hints.forget(member.hostId());
    downSince.remove(member.hostId());
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.topologyChange(false, new InetSocketAddress(member.address(), member.port())));
    }
  }

  /** See {@link Coordinator#drawCounterLeadersWith}; nothing for a node without a network. */
  void drawCounterLeadersWith(dev.ringlet.internal.coordinator.CounterLeaderDraw draw) {
    if (coordinator != null) {
      coordinator.drawCounterLeadersWith(draw);
    }
  }

  /** Fetches the data of the ranges this node gains as the ring goes from {@code current} to {@code future}. */
  int fetchGained(dev.ringlet.internal.cluster.Ring current, dev.ringlet.internal.cluster.Ring future, boolean strict) {
    return streamer.fetchGained(current, future, strict);
  }

  /** Full repair of the ranges this node replicates (see {@link dev.ringlet.api.RingletNode#repair}). */
  public int repair(String keyspace, List<String> tables) {
    if (repair == null) {
      return 0; // a node alone: its only replica agrees with itself
    }
    return repair.repair(keyspace, tables);
  }

  @Override
  public void onUp(UUID peer) {
    downSince.remove(peer);
    hints.replay(peer, messaging);
    ProtocolServer s = server.get();
    if (s != null && cluster.isMember(peer)) {
      s.publish(Events.statusChange(true, members.nativeAddressOf(peer)));
    }
  }

  @Override
  public void onDown(UUID peer) {
    downSince.put(peer, cluster.time().nowMillis());
    schemaSync.peerDown(peer);
    ProtocolServer s = server.get();
    if (s != null && cluster.isMember(peer)) {
      s.publish(Events.statusChange(false, members.nativeAddressOf(peer)));
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
    udfExecutor.close();
    if (!storageDown) {
      storage.close();
    }
  }
}
