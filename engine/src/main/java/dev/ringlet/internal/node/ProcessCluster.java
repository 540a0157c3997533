package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.coordinator.WireCodec;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.time.TimestampGenerator;
import dev.ringlet.wire.WireResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of a cluster whose nodes run in different processes (or containers), talking over TCP:
 * the composition root of a process's node and its {@link RingletCluster} handle.
 *
 * <p>The parts: {@link ProcessRoster} (who the members are, JOIN lists spreading them),
 * {@link ProcessMembership} (bootstrap, decommission, removenode across processes),
 * {@link ProcessLocalNode} (this process's node: stop, start, pause, resume, decommission),
 * {@link ProcessAdmin} (operator commands over the internode port, {@code nodetool}),
 * {@link ProcessFaults} (partitions and message rules in every process), {@link RemoteMember}
 * (another process's node), {@link SeedProbe} (what the seeds say before joining) and
 * {@link ProcessTokens} (this node's tokens, as in-JVM clusters choose theirs).
 *
 * <p>Joining a running cluster (see {@link SeedProbe}): a seed, a node with its data already, or a
 * node the ring already lists joins at once. Any other node asks the seeds first; when the
 * cluster's schema ever changed, it bootstraps as Cassandra does ({@link ProcessMembership}):
 * JOINING on every process, its ranges streamed from the current replicas, then NORMAL;
 * {@link #start} returns once it is.
 *
 * <p>Identity: the host id is derived from the cluster name and the internode address, so a
 * restarted process keeps its id and tokens. Two members claiming one token would break placement:
 * the second is refused (logged).
 */
public final class ProcessCluster implements RingletCluster {

  /** How long a decommission or removenode waits for the members to stream what they gain. */
  private static final Duration STREAM_TIMEOUT = RemoteMember.STREAM_TIMEOUT;

  /**
   * How to start.
   *
   * @param spec the node's cluster name, datacenter, rack, native address and port, release version
   *     and number of tokens
   * @param listen the internode address and port to bind and advertise; port 0 takes a free one
   *     ({@link #internodeAddress()}), which names the node (host id): a restart of the same node
   *     passes the port it had
   * @param seeds internode addresses to contact (this node's own address among them is ignored)
   * @param joinTimeout how long to wait for a seed's answer before giving up
   */
  public record Options(ClusterSpec spec, InetSocketAddress listen, List<InetSocketAddress> seeds, Duration joinTimeout) {
    public Options {
      seeds = List.copyOf(seeds);
    }
  }

  private final Options options;
  private final NodeConfig config;
  private final TcpTransport transport;
  /** Stops and pauses this process's node's messages (see {@link ProcessLocalNode}). */
  private final TrafficGate gate;
  private final ClusterContext context;
  private final Node node;
  private final WireResources resources;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService requests;
  private final List<UUID> seedRoutes = new ArrayList<>();
  private final dev.ringlet.internal.querylog.QueryLogBook queryLog = new dev.ringlet.internal.querylog.QueryLogBook();
  /** What clients connect with over TLS, or null for plain connections. */
  private final dev.ringlet.internal.tls.ServedTls tls;
  private final ProcessRoster roster;
  /** Membership changes run from this process or heard from others. */
  private final ProcessMembership membership;
  private final ProcessLocalNode local;
  private final ProcessAdmin admin;
  private final ProcessFaults faults;
  /** The schema epoch to wait for before bootstrapping, or -1 when this node joins without bootstrap. */
  private final long bootstrapEpoch;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ProcessCluster(Options options) throws IOException {
    this.options = options;
    ClusterSpec spec = options.spec();
    InetAddress nativeAddress = Addresses.address(spec.address());
    // Loaded first: a keystore that cannot be read fails the start before anything is bound.
    this.tls = dev.ringlet.internal.tls.ServedTls.of(spec.clientEncryption(), List.of(nativeAddress),
        dev.ringlet.internal.tls.ServedTls.instant(Clock.system().currentTimeMicros()));
    // Bound before the host id is derived from it: port 0 takes a free port (internodeAddress() reports
    // it), and the node is named after the bound one; to come back as the same node, a restart passes it.
    java.net.ServerSocket server = TcpTransport.bind(options.listen());
    int internodePort = server.getLocalPort();
    UUID hostId = UUID.nameUUIDFromBytes((spec.clusterName() + "/" + options.listen().getAddress().getHostAddress() + ":"
        + internodePort).getBytes(StandardCharsets.UTF_8));
    // durable (--data-dir): the node comes back with the host id and tokens saved in its directory
    dev.ringlet.internal.storage.DiskAccess disk = new dev.ringlet.internal.storage.DiskAccess();
    java.nio.file.Path nodeDirectory;
    try {
      nodeDirectory = spec.dataDirectory() == null ? null : NodeDirectories.find(spec.dataDirectory(), hostId, disk);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    boolean restarting = nodeDirectory != null && java.nio.file.Files.exists(nodeDirectory.resolve(LocalState.FILE));
    this.transport = new TcpTransport(hostId, server, new WireCodec(), null);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("ringlet-gossip"));
    this.requests = Executors.newCachedThreadPool(daemon("ringlet-request"));
    List<MemberInfo> bootstrapRing = List.of();
    try {
      boolean seed = false;
      for (InetSocketAddress s : options.seeds()) {
        if (isSelf(s)) {
          seed = true;
        } else {
          seedRoutes.add(transport.route(s));
        }
      }
      // Cassandra's rule: seeds do not bootstrap, nor does a node that has its data already. The others
      // ask the seeds: a member the ring lists already comes back with its tokens; a node joining a
      // cluster whose schema never changed (it forms, nothing to stream) joins at once, so that
      // several processes may start together; any other bootstraps.
      SeedProbe.Answer probe = seed || restarting || seedRoutes.isEmpty() ? null
          : SeedProbe.ask(transport, hostId, seedRoutes, options.seeds(), options.joinTimeout());
      List<MemberInfo> listedMembers = new ArrayList<>();
      List<NodeConfig> ring = new ArrayList<>();
      if (probe != null) {
        for (MemberInfo m : probe.members()) {
          if (!m.hostId().equals(hostId) && m.clusterName().equals(spec.clusterName())) {
            listedMembers.add(m);
            ring.add(ProcessRoster.peerConfig(m, spec));
          }
        }
      }
      List<Long> listed = probe == null ? null : probe.tokensOf(hostId);
      boolean bootstrap = probe != null && listed == null && probe.schemaEpoch() > 0 && !ring.isEmpty();
      NodeConfig configured = new NodeConfig(spec.clusterName(), spec.datacenter(), spec.rack(), nativeAddress, spec.port(),
          spec.releaseVersion(), hostId, ProcessTokens.choose(spec, hostId, listed, ring), Clock.system(), internodePort,
          spec.authentication(), spec.userDefinedFunctions(), spec.materializedViews(), spec.dynamicDataMasking(), LocalCluster.readThresholds(spec), LocalCluster.udfTimeouts(spec));
      this.config = nodeDirectory == null ? configured : NodeDirectories.restore(nodeDirectory, configured, disk);
      ClusterTime time = new ClusterTime(Clock.system(), false);
      Timeouts timeouts = new Timeouts(spec.readTimeout(), Timeouts.defaults().range(), spec.writeTimeout(),
          Timeouts.defaults().counterWrite(), Timeouts.defaults().truncate(), Timeouts.defaults().maxHintWindow());
      // Waiting coordinators wake on every delivery (as the in-JVM bus signals them), not at their deadline.
      this.gate = new TrafficGate(transport, time);
      this.context = new ClusterContext(gate, time, config, timeouts, requests, new TimestampGenerator(Clock.system()));
      if (bootstrap) {
        // JOINING: the ring is the members the seeds listed; this node's ranges are pending until it streamed them
        context.bootstrapInto(config, ring);
        bootstrapRing = listedMembers;
      }
      this.bootstrapEpoch = bootstrap ? probe.schemaEpoch() : -1;
      this.node = new Node(config, context, NodeDirectories.storage(spec, nodeDirectory, Clock.system(), false, disk));
    } catch (RuntimeException e) {
      transport.close();
      scheduler.shutdownNow();
      requests.shutdownNow();
      throw e;
    }
    node.recordQueriesTo(queryLog);
    if (tls != null) {
      node.serveTls(tls.wire());
    }
    this.resources = WireResources.create(0);
    this.roster = new ProcessRoster(spec, config, transport, context, node, gate, seedRoutes,
        (member, command, timeout) -> admin().remote(member, command, timeout));
    roster.knowRing(bootstrapRing);
    this.membership = new ProcessMembership(node, context, requests, roster, STREAM_TIMEOUT);
    this.local = new ProcessLocalNode(node, gate, resources, membership, roster, scheduler, closed);
    this.admin = new ProcessAdmin(node, transport, context, requests, scheduler, roster, membership, local);
    this.faults = new ProcessFaults(transport, node, context, roster);
    node.handle(Verb.JOIN, roster::onJoin);
    node.handle(Verb.FAULTS, faults::onFaults);
    node.handle(Verb.ADMIN, admin::onAdmin);
  }

  private ProcessAdmin admin() {
    return admin;
  }

  /** Starts the node, joins through the seeds, and returns once it has (or alone, when it is the only seed). */
  public static ProcessCluster start(Options options) {
    ProcessCluster c;
    try {
      c = new ProcessCluster(options);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen for other nodes on " + options.listen() + ": " + e.getMessage(), e);
    }
    try {
      c.run();
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public javax.net.ssl.SSLContext clientSslContext() {
    return dev.ringlet.internal.tls.ServedTls.clientContext(tls);
  }

  private void run() {
    node.start(resources);
    if (bootstrapEpoch >= 0) {
      scheduler.scheduleAtFixedRate(roster::round, 1, 1, TimeUnit.SECONDS);
      membership.bootstrap(bootstrapEpoch, options.joinTimeout());
      roster.bootstrapped();
      return;
    }
    roster.addSelf(); // with the native port actually bound
    scheduler.scheduleAtFixedRate(roster::round, 0, 1, TimeUnit.SECONDS);
    roster.awaitJoined(options.joinTimeout(), options.seeds());
  }

  private boolean isSelf(InetSocketAddress seed) {
    InetSocketAddress me = transport.address();
    if (seed.isUnresolved()) {
      seed = new InetSocketAddress(seed.getHostString(), seed.getPort());
      if (seed.isUnresolved()) {
        return false; // another node's name, not resolvable yet
      }
    }
    // port 0 names this node when it listens on port 0 itself: a first node whose free port nobody knows yet
    boolean port = seed.getPort() == me.getPort() || seed.getPort() == 0 && options.listen().getPort() == 0;
    return port && (seed.getAddress().equals(me.getAddress())
        || seed.getAddress().isAnyLocalAddress() || me.getAddress().isAnyLocalAddress() && isLocal(seed.getAddress()));
  }

  private static boolean isLocal(InetAddress a) {
    try {
      return a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.net.SocketException e) {
      return false;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The internode address this node listens on and advertises (the bound port when started with port 0). */
  public InetSocketAddress internodeAddress() {
    return transport.address();
  }

  /** The members this node knows, itself included. */
  public int knownMembers() {
    return roster.size();
  }

  @Override
  public String clusterName() {
    return config.clusterName();
  }

  @Override
  public List<InetSocketAddress> contactPoints() {
    return List.of(node.nativeAddress());
  }

  @Override
  public String localDatacenter() {
    return config.datacenter();
  }

  /**
   * This process's node first, then every other member it knows (in the order it learned of them).
   * The other members' handles name them in partitions and message rules, and stop, kill, start,
   * pause, resume or decommission them by asking their process ({@link Verb#ADMIN}); their storage
   * (flush, snapshots, disk failures) and repair are operated only from their own process.
   */
  @Override
  public List<RingletNode> nodes() {
    List<RingletNode> out = new ArrayList<>();
    out.add(local.handle());
    out.addAll(roster.others());
    return out;
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + ": not supported on a node of a multi-process (TCP) cluster;"
        + " the manual clock needs an in-JVM cluster (ClusterSpec with several nodes)");
  }

  /**
   * Empties every table of the keyspaces on every member: this process's node, then each other
   * member through its process ({@link Verb#ADMIN}), stopped ones included.
   *
   * @return the number of tables emptied on this process's node
   * @throws IllegalArgumentException for a system keyspace
   * @throws IllegalStateException when another member's process does not answer
   */
  @Override
  public int truncate(java.util.Set<String> keyspaces) {
    List<UUID> others = new ArrayList<>();
    for (RingletNode n : roster.others()) {
      others.add(n.hostId());
    }
    return admin.truncate(keyspaces, others, RemoteMember.CONTROL_TIMEOUT);
  }

  /** Refused: a node of a multi-process cluster is a process; start one with {@code --seeds} (it bootstraps). */
  @Override
  public RingletNode addNode(String datacenter, String rack) {
    throw new UnsupportedOperationException("addNode: a multi-process cluster grows by starting another process with --seeds"
        + " (it bootstraps: streams its ranges, then becomes NORMAL)");
  }

  /**
   * Removes a member that this node considers DOWN ({@code nodetool removenode}): the live members
   * take over its ranges, streaming them from the surviving replicas, and forget it.
   *
   * @throws IllegalArgumentException {@code Host ID not found.} for a node that is not a member
   * @throws UnsupportedOperationException for this process's own node, or a member believed alive
   * @throws IllegalStateException when another membership change is under way
   */
  @Override
  public void removeNode(RingletNode member) {
    admin.removeNode(member.hostId());
  }

  /**
   * Sets what happens once this process's node has left the ring by a decommission (by default
   * nothing more: the node is stopped, the handle stays open until closed). The standalone server
   * exits.
   */
  public void onLeft(Runnable action) {
    local.onLeft(action);
  }

  /** Partitions every process of the cluster: the groups are sent to each member (see {@link Verb#FAULTS}). */
  @Override
  public void partition(List<List<RingletNode>> groups) {
    faults.partition(groups);
  }

  @Override
  public void heal() {
    faults.heal();
  }

  @Override
  public void addRule(MessageRule rule) {
    faults.addRule(rule);
  }

  @Override
  public void advanceClock(Duration by) {
    throw unsupported("advanceClock");
  }

  /** Heals the network of every process; stopped or paused nodes stay so (start or resume them). */
  @Override
  public void resetFaults() {
    heal();
  }

  /** The requests this process's node answered (the other processes keep their own). */
  @Override
  public dev.ringlet.api.QueryLog queryLog() {
    return queryLog;
  }

  /** Stops gracefully: peers are told (SHUTDOWN) so they mark this node down at once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdownNow();
    node.stop(true);
    transport.drain(1000);
    transport.close();
    requests.shutdownNow();
    resources.close();
  }
}
