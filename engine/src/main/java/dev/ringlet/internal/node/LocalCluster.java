package dev.ringlet.internal.node;

import dev.ringlet.internal.dht.NameUuids;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.QueryLog;
import dev.ringlet.internal.querylog.QueryLogBook;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.TokenAllocation;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.FaultRule;
import dev.ringlet.internal.messaging.InJvmBus;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running cluster in this JVM: one node alone (no messaging at all), or several nodes sharing an
 * in-JVM bus, a clock and the I/O threads, each with its own object graph.
 */
public final class LocalCluster implements RingletCluster {

  private static final int MAX_START_ATTEMPTS = 8;

  private final ClusterSpec spec;
  private final WireResources resources;
  /** Running members and stopped ones, in start order; grows with addNode, shrinks with decommission/removeNode. */
  private final List<Node> nodes;
  private final List<RingletNode> handles;
  private final ClusterContext context;
  private final QueryLogBook queryLog;
  private final InJvmBus bus;
  private final ClusterTime time;
  private final ManualClock manualClock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService requests;
  /** Set once by {@link #start}, before the handle is returned; null when clients connect in plain text. */
  private dev.ringlet.internal.tls.ServedTls tls;

  private LocalCluster(ClusterSpec spec, WireResources resources, List<Node> nodes, QueryLogBook queryLog, InJvmBus bus,
      ClusterTime time, ManualClock manualClock, ScheduledExecutorService scheduler, ExecutorService requests,
      ClusterContext context) {
    this.spec = spec;
    this.queryLog = queryLog;
    this.resources = resources;
    this.nodes = new java.util.concurrent.CopyOnWriteArrayList<>(nodes);
    this.context = context;
    this.bus = bus;
    this.time = time;
    this.manualClock = manualClock;
    this.scheduler = scheduler;
    this.requests = requests;
    List<RingletNode> h = new ArrayList<>();
    for (Node n : nodes) {
      h.add(new NodeHandle(n, this));
    }
    this.handles = new java.util.concurrent.CopyOnWriteArrayList<>(h);
  }

  public static RingletCluster start(ClusterSpec spec) {
    if (spec.dataDirectory() != null) {
      new dev.ringlet.internal.storage.DiskAccess().prepareDataDirectory(spec.dataDirectory());
    }
    if (spec.nodeCount() == 1 && spec.addressing() == ClusterSpec.Addressing.AUTO && !spec.manualClock()) {
      return startSingle(spec);
    }
    IllegalStateException last = null;
    Random random = new Random();
    for (int attempt = 0; attempt < MAX_START_ATTEMPTS; attempt++) {
      try {
        return startCluster(spec, Addresses.plan(spec, random));
      } catch (RuntimeException e) {
        if (!isBindFailure(e)) {
          throw e;
        }
        last = new IllegalStateException("could not bind the cluster's addresses", e);
      }
    }
    throw last;
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  /** The spec's user-defined function timeouts as the nodes take them. */
  static dev.ringlet.internal.exec.udf.UdfTimeouts udfTimeouts(ClusterSpec spec) {
    return new dev.ringlet.internal.exec.udf.UdfTimeouts(spec.userDefinedFunctionWarnTimeout(),
        spec.userDefinedFunctionFailTimeout(),
        dev.ringlet.internal.exec.udf.UdfTimeouts.Policy.valueOf(spec.userFunctionTimeoutPolicy().name()));
  }

  /** The spec's tombstone thresholds as the nodes take them. */
  static dev.ringlet.internal.coordinator.ReadThresholds readThresholds(ClusterSpec spec) {
    return new dev.ringlet.internal.coordinator.ReadThresholds(spec.tombstoneWarnThreshold(), spec.tombstoneFailureThreshold(),
        spec.readThresholdsEnabled());
  }

  private static RingletCluster startSingle(ClusterSpec spec) {
    // the I/O threads (and the logging backend Netty binds) on the second core while this thread builds the node
    Concurrently<WireResources> wire = Concurrently.start("ringlet-start-io", LocalCluster::createWireResources);
    try {
      return startSingle(spec, wire);
    } catch (RuntimeException | Error e) {
      Concurrently.closeAfterFailure(wire, e);
      throw e;
    }
  }

  /** The I/O threads of a cluster, with the classes its protocol servers bind with loaded. */
  private static WireResources createWireResources() {
    WireResources resources = WireResources.create(0);
    dev.ringlet.wire.ProtocolServers.prepare();
    return resources;
  }

  private static RingletCluster startSingle(ClusterSpec spec, Concurrently<WireResources> wire) {
    InetAddress address = Addresses.address(spec.address());
    UUID hostId = NameUuids.of((spec.clusterName() + "/" + spec.datacenter() + "/" + address.getHostAddress() + "/0")
        .getBytes(StandardCharsets.UTF_8));
    NodeConfig config = new NodeConfig(spec.clusterName(), spec.datacenter(), spec.rack(), address, spec.port(),
        spec.releaseVersion(), hostId, InitialTokens.explicitOrSpread(spec, hostId), Clock.system(),
        7000, spec.authentication(), spec.userDefinedFunctions(),
        spec.materializedViews(), spec.dynamicDataMasking(), readThresholds(spec), udfTimeouts(spec));
    dev.ringlet.internal.storage.DiskAccess disk = new dev.ringlet.internal.storage.DiskAccess();
    // the node already in the directory, whatever address it had (a container's address changes with every run)
    java.nio.file.Path nodeDirectory = spec.dataDirectory() == null ? null : NodeDirectories.find(spec.dataDirectory(), hostId, disk);
    if (nodeDirectory != null) {
      config = NodeDirectories.restore(nodeDirectory, config, disk);
    }
    Node node = new Node(config, NodeDirectories.storage(spec, nodeDirectory, config.clock(), false, disk));
    QueryLogBook queryLog = new QueryLogBook();
    node.recordQueriesTo(queryLog);
    dev.ringlet.internal.tls.ServedTls tls = serveTls(spec, List.of(node), config.clock());
    WireResources resources = wire.join();
    try {
      node.start(resources);
    } catch (RuntimeException e) {
      node.close(); // the caller closes the resources
      throw e;
    }
    LocalCluster cluster = new LocalCluster(spec, resources, List.of(node), queryLog, null, null, null, null, null, null);
    cluster.tls = tls;
    return cluster;
  }

  private static RingletCluster startCluster(ClusterSpec spec, List<Addresses.Slot> slots) {
    Concurrently<WireResources> wire = Concurrently.start("ringlet-start-io", LocalCluster::createWireResources);
    try {
      return startCluster(spec, slots, wire);
    } catch (RuntimeException | Error e) {
      Concurrently.closeAfterFailure(wire, e);
      throw e;
    }
  }

  private static RingletCluster startCluster(ClusterSpec spec, List<Addresses.Slot> slots, Concurrently<WireResources> wire) {
    ManualClock manual = spec.manualClock() ? new ManualClock(Clock.system().currentTimeMicros()) : null;
    Clock clock = manual != null ? manual : Clock.system();
    ClusterTime time = new ClusterTime(clock, manual != null);
    String threadPrefix = "ringlet-" + spec.clusterName().replaceAll("\\W+", "-");
    ScheduledExecutorService scheduler = manual != null ? null : Executors.newSingleThreadScheduledExecutor(daemon(threadPrefix + "-gossip"));
    ExecutorService requests = Executors.newCachedThreadPool(daemon(threadPrefix + "-request"));
    InJvmBus bus = new InJvmBus(time, scheduler);
    List<NodeConfig> members = new ArrayList<>();
    Map<UUID, java.nio.file.Path> directories = new java.util.HashMap<>();
    Map<UUID, dev.ringlet.internal.storage.DiskAccess> disks = new java.util.HashMap<>();
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    int slot = 0;
    List<DatacenterSpec> dcs = spec.datacenters();
    List<List<Long>> assigned = InitialTokens.assign(spec);
    for (int d = 0; d < dcs.size(); d++) {
      DatacenterSpec dc = dcs.get(d);
      for (int i = 0; i < dc.nodes(); i++) {
        Addresses.Slot s = slots.get(slot++);
        String rack = dc.racks().get(i % dc.racks().size());
        UUID hostId = NameUuids.of((spec.clusterName() + "/" + dc.name() + "/" + i).getBytes(StandardCharsets.UTF_8));
        List<Long> t = assigned.get(slot - 1);
        NodeConfig m = new NodeConfig(spec.clusterName(), dc.name(), rack, s.address(), s.port(), spec.releaseVersion(), hostId, t,
            clock, s.storagePort(), spec.authentication(), spec.userDefinedFunctions(),
            spec.materializedViews(), spec.dynamicDataMasking(), readThresholds(spec), udfTimeouts(spec));
        if (spec.dataDirectory() != null) { // a durable node comes back with its saved host id and tokens
          java.nio.file.Path dir = NodeDirectories.of(spec.dataDirectory(), hostId);
          disks.put(hostId, new dev.ringlet.internal.storage.DiskAccess());
          m = NodeDirectories.restore(dir, m, disks.get(hostId));
          directories.put(m.hostId(), dir);
          disks.put(m.hostId(), disks.get(hostId));
        }
        members.add(m);
        tokens.put(new Endpoint(m.hostId(), dc.name(), rack), m.tokens());
      }
    }
    Timeouts timeouts = new Timeouts(spec.readTimeout(), Timeouts.defaults().range(), spec.writeTimeout(),
        Timeouts.defaults().counterWrite(), Timeouts.defaults().truncate(), Timeouts.defaults().maxHintWindow());
    ClusterContext context = new ClusterContext(bus, time, List.copyOf(members), new Ring(tokens), timeouts, requests,
        new dev.ringlet.internal.time.TimestampGenerator(clock));
    QueryLogBook queryLog = new QueryLogBook();
    List<Node> nodes = new ArrayList<>();
    dev.ringlet.internal.tls.ServedTls tls = null;
    WireResources resources;
    try {
      for (NodeConfig m : members) {
        Node n = new Node(m, context, NodeDirectories.storage(spec, directories.get(m.hostId()), clock, manual != null,
            disks.getOrDefault(m.hostId(), new dev.ringlet.internal.storage.DiskAccess())));
        n.recordQueriesTo(queryLog);
        nodes.add(n);
      }
      tls = serveTls(spec, nodes, clock);
      resources = wire.join();
      for (Node n : nodes) {
        n.start(resources);
      }
    } catch (RuntimeException e) {
      nodes.forEach(Node::close); // the caller closes the resources
      requests.shutdownNow();
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
      throw e;
    }
    LocalCluster cluster = new LocalCluster(spec, resources, List.copyOf(nodes), queryLog, bus, time, manual, scheduler, requests,
        context);
    cluster.tls = tls;
    if (scheduler != null) {
      scheduler.scheduleAtFixedRate(cluster::gossipRound, 1, 1, TimeUnit.SECONDS);
    }
    return cluster;
  }

  /** Loads or generates the cluster's TLS material (names covering every node) and hands it to each node. */
  private static dev.ringlet.internal.tls.ServedTls serveTls(ClusterSpec spec, List<Node> nodes, Clock clock) {
    dev.ringlet.internal.tls.ServedTls tls = dev.ringlet.internal.tls.ServedTls.of(spec.clientEncryption(),
        nodes.stream().map(n -> n.config().address()).toList(),
        dev.ringlet.internal.tls.ServedTls.instant(clock.currentTimeMicros()));
    if (tls != null) {
      nodes.forEach(n -> n.serveTls(tls.wire()));
    }
    return tls;
  }

  @Override
  public javax.net.ssl.SSLContext clientSslContext() {
    return dev.ringlet.internal.tls.ServedTls.clientContext(tls);
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private void gossipRound() {
    for (Node n : nodes) {
      n.gossipRound();
    }
  }

  @Override
  public String clusterName() {
    return spec.clusterName();
  }

  @Override
  public List<InetSocketAddress> contactPoints() {
    return nodes.stream().map(Node::nativeAddress).toList();
  }

  @Override
  public String localDatacenter() {
    return spec.datacenter();
  }

  @Override
  public List<RingletNode> nodes() {
    return List.copyOf(handles);
  }

  // ------------------------------------------------------------------ membership changes

  @Override
  public synchronized RingletNode addNode(String datacenter, String rack) {
    if (context == null) {
      throw new UnsupportedOperationException("addNode: a single node started without a network cannot grow (expected: a"
          + " cluster of several nodes, or ClusterSpec.withManualClock(true))");
    }
    Membership.Join join = Membership.planJoin(spec, context, datacenter, rack, nodes.stream().map(Node::config).toList());
    Node n = new Node(join.config(), context, NodeDirectories.storage(spec, null, join.config().clock(), false, null));
    n.recordQueriesTo(queryLog);
    Membership.bootstrap(context, n, running(), resources);
    nodes.add(n);
    NodeHandle handle = new NodeHandle(n, this);
    handles.add(handle);
    for (Node other : running()) {
      other.memberJoined(n.config());
    }
    return handle;
  }

  synchronized void decommission(Node leaving) {
    requireBus("decommission");
    if (!leaving.isRunning()) {
      throw new IllegalStateException("decommission: node " + leaving.config().hostId() + " is not running (expected: a running"
          + " node; RingletCluster.removeNode removes a dead one)");
    }
    Membership.requireDecommissionKeepsReplicationFactor(context, leaving);
    Membership.leave(context, leaving.config().hostId(), running(), true);
    forget(leaving);
    leaving.stop(false);
  }

  @Override
  public synchronized void removeNode(RingletNode node) {
    Node dead = null;
    for (Node n : nodes) {
      if (n.config().hostId().equals(node.hostId())) {
        dead = n;
      }
    }
    if (dead == null || context == null) {
      throw new IllegalArgumentException("Host ID not found.");
    }
    List<Node> live = running();
    if (dead.isRunning() || live.isEmpty() || live.get(0).believesAlive(dead.config().hostId())) {
      throw new UnsupportedOperationException("Node /" + dead.config().address().getHostAddress() + ":" + dead.config().storagePort()
          + " is alive and owns this ID. Use decommission command to remove it from the ring");
    }
    Membership.leave(context, dead.config().hostId(), live, false);
    forget(dead);
    dead.close();
  }

  /** Drops a node that left the ring from the handles; the others forget it and tell their drivers. */
  private void forget(Node gone) {
    nodes.remove(gone);
    handles.removeIf(h -> h.hostId().equals(gone.config().hostId()));
    for (Node other : running()) {
      other.memberLeft(gone.config());
    }
  }

  private List<Node> running() {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.isRunning()) {
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public int truncate(java.util.Set<String> keyspaces) {
    int tables = 0;
    for (Node n : nodes) {
      tables = n.truncate(keyspaces);
    }
    return tables;
  }

  private InJvmBus requireBus(String what) {
    if (bus == null) {
      throw new IllegalStateException(what + ": a single-node cluster has no network (expected: a cluster of several nodes,"
          + " or ClusterSpec.withManualClock(true))");
    }
    return bus;
  }

  @Override
  public void partition(List<List<RingletNode>> groups) {
    List<Set<UUID>> ids = new ArrayList<>();
    for (List<RingletNode> g : groups) {
      Set<UUID> set = new HashSet<>();
      for (RingletNode n : g) {
        set.add(n.hostId());
      }
      ids.add(set);
    }
    requireBus("partition").faults().partition(ids);
  }

  @Override
  public void heal() {
    requireBus("heal").faults().clear();
    bus.deliverDue();
    gossipRound(); // nodes that convicted each other see each other up again at once
  }

  @Override
  public void addRule(MessageRule rule) {
    FaultRule.Direction direction = rule.direction() == MessageRule.Direction.BOTH ? null
        : FaultRule.Direction.valueOf(rule.direction().name());
    requireBus("addRule").faults().add(new FaultRule(rule.verb() == null ? null : Verb.valueOf(rule.verb().name()),
        rule.from() == null ? null : rule.from().hostId(), rule.to() == null ? null : rule.to().hostId(), direction, rule.delay()));
  }

  @Override
  public void advanceClock(Duration by) {
    if (manualClock == null) {
      throw new IllegalStateException("advanceClock: the cluster runs on the system clock (expected: ClusterSpec.withManualClock(true))");
    }
    if (by.isNegative()) {
      throw new IllegalArgumentException("by: " + by + " (expected: not negative)");
    }
    Duration remaining = by;
    while (!remaining.isZero()) {
      Duration step = remaining.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : remaining;
      manualClock.advance(step);
      remaining = remaining.minus(step);
      for (Node n : nodes) {
        n.tick();
      }
      if (bus != null) {
        bus.deliverDue();
        gossipRound();
      }
      if (time != null) {
        time.signal();
      }
    }
  }

  @Override
  public void resetFaults() {
    for (Node n : nodes) {
      n.storage().config().disk().clear();
    }
    if (bus == null) {
      nodes.forEach(this::startNode); // a node alone stopped by its disk-failure policy
      return;
    }
    bus.clearFaults();
    for (Node n : nodes) {
      if (!n.isRunning()) {
        n.start(resources);
      }
    }
    gossipRound();
  }

  /** How many inter-node messages delay rules and paused nodes hold now, for tests (0 without a network). */
  public int heldMessages() {
    return bus == null ? 0 : bus.heldCount();
  }

  /**
   * Blocks until delay rules and paused nodes hold at least {@code count} inter-node messages (a
   * request reached its held step), for tests; woken by each message held, not polling.
   *
   * @throws AssertionError when they do not within {@code timeout} (real time)
   */
  public void awaitHeldMessages(int count, Duration timeout) throws InterruptedException {
    if (!requireBus("awaitHeldMessages").awaitHeld(count, timeout.toMillis())) {
      throw new AssertionError("held messages: " + heldMessages() + " (expected: at least " + count + " within " + timeout + ")");
    }
  }

  /** Whether a bootstrap, decommission or removenode is under way (its ranges pending), for tests. */
  public boolean membershipChangeUnderWay() {
    return context != null && context.futureRing() != context.ring();
  }

  /**
   * Replaces how every current node draws counter-write leaders, for tests that must know which
   * replica leads; by default each draws at random among its datacenter's live replicas, as 5.0.
   */
  public void drawCounterLeadersWith(dev.ringlet.internal.coordinator.CounterLeaderDraw draw) {
    for (Node n : nodes) {
      n.drawCounterLeadersWith(draw);
    }
  }

  /** The ring once the membership change under way completes (the current ring when none is), for tests. */
  public dev.ringlet.internal.cluster.Ring futureRing() {
    requireBus("futureRing");
    return context.futureRing();
  }

  /** Hints held by all nodes, for tests. */
  public int pendingHints() {
    return nodes.stream().mapToInt(Node::pendingHints).sum();
  }

  void startNode(Node n) {
    if (!n.isRunning()) {
      n.start(resources);
    }
  }

  void pause(Node n) {
    requireBus("pause").pause(n.config().hostId());
  }

  void resume(Node n) {
    requireBus("resume").resume(n.config().hostId());
  }

  @Override
  public QueryLog queryLog() {
    return queryLog;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    for (Node n : nodes) {
      n.close();
    }
    if (requests != null) {
      requests.shutdownNow();
    }
    resources.close();
  }

  private record NodeHandle(Node node, LocalCluster cluster) implements NodeView {

    @Override
    public void stop() {
      node.stop(true);
    }

    @Override
    public void kill() {
      node.stop(false);
    }

    @Override
    public void start() {
      cluster.startNode(node);
    }

    @Override
    public void pause() {
      cluster.pause(node);
    }

    @Override
    public void resume() {
      cluster.resume(node);
    }

    @Override
    public void decommission() {
      cluster.decommission(node);
    }

    @Override
    public int repair(String keyspace, String... tables) {
      return node.repair(keyspace, List.of(tables));
    }

    @Override
    public String toString() {
      return "RingletNode[" + node.config().datacenter() + "/" + node.config().rack() + " " + nativeAddress() + "]";
    }
  }
}
