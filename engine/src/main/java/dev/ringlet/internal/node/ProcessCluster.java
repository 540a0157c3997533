package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.coordinator.WireCodec;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.MemberList;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Message;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a cluster whose nodes run in different processes (or containers), talking over TCP.
 *
 * <p>Membership: the node knows only itself at first and sends a JOIN with every member it knows to
 * each seed; a JOIN's answer is every member the recipient knows. Whoever learns a new member adds
 * it (ring, gossip, {@code system.peers}, a TOPOLOGY_CHANGE to its drivers) and passes its whole list
 * to every member it knows, so news spreads until every node knows every node. Every fifth gossip
 * round the node repeats its JOIN to the seeds, which repairs anything lost. Gossip heartbeats,
 * failure detection and schema pulls then work as in one JVM.
 *
 * <p>Joining a running cluster (see {@link SeedProbe}): a seed, a node with its data already, or a
 * node the ring already lists joins as above. Any other node asks the seeds first; when the
 * cluster's schema ever changed, it bootstraps as Cassandra does ({@link ProcessMembership}): tokens
 * for an equal share of its datacenter ({@code TokenAllocation}, unless explicit), JOINING on every
 * process, its ranges streamed from the current replicas, then NORMAL; {@link #start} returns once
 * it is. This process's node can be decommissioned, a dead member removed and ranges repaired,
 * through this handle or with {@code nodetool} commands from another process ({@link Verb#ADMIN}).
 *
 * <p>Identity and tokens: the host id is derived from the cluster name and the internode address, so
 * a restarted process keeps its id and tokens; without bootstrap the tokens are {@code num_tokens}
 * random values seeded by the host id, one in each equal slice of the ring. Two members claiming one
 * token would break placement: the second is refused (logged), which with 64-bit tokens practically
 * never happens.
 *
 * <p>Over 500 lines: it is the composition root of a process's node and its handle (with the
 * operator commands); the membership steps, the seed probe and the status text live in their own
 * classes.
 */
public final class ProcessCluster implements RingletCluster {

  private static final Logger log = LoggerFactory.getLogger(ProcessCluster.class);
  private static final int REJOIN_EVERY_ROUNDS = 5;
  /** How long a decommission or removenode waits for the members to stream what they gain. */
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
  /** How long stopping, starting, pausing or resuming another process's node may take. */
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How to start.
   *
   * @param spec the node's cluster name, datacenter, rack, native address and port, release version
   *     and number of tokens
   * @param listen the internode address and port to bind and advertise
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
  /** Stops and pauses this process's node's messages (see {@link #stopNode}, {@link #pauseNode}). */
  private final TrafficGate gate;
  private final ClusterContext context;
  private final Node node;
  private final WireResources resources;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService requests;
  private final Map<UUID, MemberInfo> known = new ConcurrentHashMap<>();
  /** Handles of the other members, in the order this node learned of them. */
  private final Map<UUID, Member> members = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  private final ThisNode thisNode = new ThisNode();
  private final List<UUID> seedRoutes = new ArrayList<>();
  private final CountDownLatch joined = new CountDownLatch(1);
  private final AtomicLong rounds = new AtomicLong();
  private final dev.ringlet.internal.querylog.QueryLogBook queryLog = new dev.ringlet.internal.querylog.QueryLogBook();
  /** What clients connect with over TLS, or null for plain connections. */
  private final dev.ringlet.internal.tls.ServedTls tls;
  /** Membership changes run from this process or heard from others. */
  private final ProcessMembership membership;
  /** The schema epoch to wait for before bootstrapping, or -1 when this node joins without bootstrap. */
  private final long bootstrapEpoch;
  /** Members that left the ring (decommissioned or removed): JOIN lists that still name them are ignored. */
  private final Set<UUID> left = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  /** What to do once this process's node left the ring (decommission); the standalone server exits. */
  private volatile Runnable onLeft = () -> { };

  private ProcessCluster(Options options) throws IOException {
    this.options = options;
    ClusterSpec spec = options.spec();
    if (options.listen().getPort() == 0) {
      // The internode address is the node's identity (host id, tokens): it must not change between runs.
      throw new IllegalArgumentException("internode port: 0 (expected: a fixed port, 1-65535)");
    }
    InetAddress nativeAddress = Addresses.address(spec.address());
    // Loaded first: a keystore that cannot be read fails the start before anything is bound.
    this.tls = dev.ringlet.internal.tls.ServedTls.of(spec.clientEncryption(), List.of(nativeAddress),
        dev.ringlet.internal.tls.ServedTls.instant(Clock.system().currentTimeMicros()));
    UUID hostId = UUID.nameUUIDFromBytes((spec.clusterName() + "/" + options.listen().getAddress().getHostAddress() + ":"
        + options.listen().getPort()).getBytes(StandardCharsets.UTF_8));
    // durable (--data-dir): the node comes back with the host id and tokens saved in its directory
    dev.ringlet.internal.storage.DiskAccess disk = new dev.ringlet.internal.storage.DiskAccess();
    java.nio.file.Path nodeDirectory = spec.dataDirectory() == null ? null : NodeDirectories.find(spec.dataDirectory(), hostId, disk);
    boolean restarting = nodeDirectory != null && java.nio.file.Files.exists(nodeDirectory.resolve(LocalState.FILE));
    this.transport = new TcpTransport(hostId, options.listen(), new WireCodec(), null);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("ringlet-gossip"));
    this.requests = Executors.newCachedThreadPool(daemon("ringlet-request"));
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
      List<NodeConfig> ring = new ArrayList<>();
      if (probe != null) {
        for (MemberInfo m : probe.members()) {
          if (!m.hostId().equals(hostId) && m.clusterName().equals(spec.clusterName())) {
            ring.add(peerConfig(m, spec));
          }
        }
      }
      List<Long> listed = probe == null ? null : probe.tokensOf(hostId);
      boolean bootstrap = probe != null && listed == null && probe.schemaEpoch() > 0 && !ring.isEmpty();
      java.util.function.Supplier<List<Long>> chosen;
      if (listed != null) {
        chosen = () -> listed;
      } else if (bootstrap) {
        chosen = () -> Membership.allocateTokens(ClusterContext.ringOf(ring), hostId, spec.datacenter(), spec.rack(), spec.numTokens());
      } else {
        chosen = () -> Tokens.spread(spec.numTokens(), hostId.getMostSignificantBits() ^ hostId.getLeastSignificantBits());
      }
      NodeConfig configured = new NodeConfig(spec.clusterName(), spec.datacenter(), spec.rack(), nativeAddress, spec.port(),
          spec.releaseVersion(), hostId, InitialTokens.explicitOr(spec, chosen), Clock.system(), options.listen().getPort(),
          spec.authentication(), spec.userDefinedFunctions(), spec.materializedViews());
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
        for (MemberInfo m : probe.members()) {
          if (!m.hostId().equals(hostId) && m.clusterName().equals(spec.clusterName())) {
            transport.addPeer(m.hostId(), new InetSocketAddress(m.internodeAddress(), m.internodePort()));
            known.put(m.hostId(), m);
            members.put(m.hostId(), new Member(m));
          }
        }
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
    node.handle(Verb.JOIN, this::onJoin);
    node.handle(Verb.FAULTS, m -> {
      transport.faults().replace((dev.ringlet.internal.messaging.Faults.State) m.payload());
      return Boolean.TRUE;
    });
    node.handle(Verb.ADMIN, this::onAdmin);
    this.membership = new ProcessMembership(node, context, requests, new Registry(), STREAM_TIMEOUT);
    this.resources = WireResources.create(0);
  }

  /** The description of another member, as this process's context keeps it. */
  private static NodeConfig peerConfig(MemberInfo m, ClusterSpec spec) {
    return new NodeConfig(m.clusterName(), m.datacenter(), m.rack(), m.nativeAddress(), m.nativePort(), m.releaseVersion(),
        m.hostId(), m.tokens(), Clock.system(), m.internodePort(), spec.authentication(), spec.userDefinedFunctions(),
        spec.materializedViews());
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
      scheduler.scheduleAtFixedRate(this::round, 1, 1, TimeUnit.SECONDS);
      membership.bootstrap(bootstrapEpoch, options.joinTimeout());
      known.put(config.hostId(), self());
      joined.countDown();
      return;
    }
    known.put(config.hostId(), self()); // with the native port actually bound
    if (seedRoutes.isEmpty()) {
      joined.countDown();
    }
    scheduler.scheduleAtFixedRate(this::round, 0, 1, TimeUnit.SECONDS);
    try {
      if (!joined.await(options.joinTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no seed answered within " + options.joinTimeout() + " (seeds: " + options.seeds() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining", e);
    }
  }

  private boolean isSelf(InetSocketAddress seed) {
    InetSocketAddress me = transport.address();
    if (seed.isUnresolved()) {
      seed = new InetSocketAddress(seed.getHostString(), seed.getPort());
      if (seed.isUnresolved()) {
        return false; // another node's name, not resolvable yet
      }
    }
    return seed.getPort() == me.getPort() && (seed.getAddress().equals(me.getAddress())
        || seed.getAddress().isAnyLocalAddress() || me.getAddress().isAnyLocalAddress() && isLocal(seed.getAddress()));
  }

  private static boolean isLocal(InetAddress a) {
    try {
      return a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.net.SocketException e) {
      return false;
    }
  }

  private void round() {
    if (gate.state() == TrafficGate.State.PAUSED) {
      return; // a paused node does nothing, as on the in-JVM bus
    }
    try {
      long n = rounds.getAndIncrement();
      if (joined.getCount() > 0 || n % REJOIN_EVERY_ROUNDS == 0) {
        for (UUID seed : seedRoutes) {
          node.request(seed, Verb.JOIN, list(), this::onJoinAnswer);
        }
      }
      node.gossipRound();
    } catch (RuntimeException e) {
      log.warn("gossip round failed", e);
    }
  }

  private MemberInfo self() {
    InetSocketAddress listen = transport.address();
    return new MemberInfo(config.clusterName(), config.hostId(), config.datacenter(), config.rack(), config.releaseVersion(),
        config.address(), node.nativeAddress().getPort(), listen.getAddress(), listen.getPort(), config.tokens());
  }

  private MemberList list() {
    return new MemberList(List.copyOf(known.values()));
  }

  private Object onJoin(Message m) {
    merge((MemberList) m.payload(), m.from());
    return list();
  }

  private void onJoinAnswer(Message m) {
    if (m.failure()) {
      return;
    }
    merge((MemberList) m.payload(), null);
    joined.countDown();
  }

  private void merge(MemberList list, UUID source) {
    boolean changed = false;
    for (MemberInfo m : list.members()) {
      if (m.hostId().equals(config.hostId())) {
        continue;
      }
      if (!m.clusterName().equals(config.clusterName())) {
        log.warn("ignoring node {} at {}: it belongs to cluster \"{}\", this node to \"{}\"", m.hostId(), m.internodeAddress(),
            m.clusterName(), config.clusterName());
        continue;
      }
      if (m.equals(known.get(m.hostId())) || left.contains(m.hostId())) {
        continue; // known, or gone from the ring (a member that has not heard yet still lists it)
      }
      NodeConfig peer = peerConfig(m, options.spec());
      try {
        transport.addPeer(m.hostId(), new InetSocketAddress(m.internodeAddress(), m.internodePort()));
        if (context.addMember(peer)) {
          known.put(m.hostId(), m);
          members.put(m.hostId(), new Member(m));
          node.memberAdded(peer);
          changed = true;
          log.info("node {} joined: {}/{} at {}", m.hostId(), m.datacenter(), m.rack(), m.nativeAddress());
        }
      } catch (IllegalArgumentException e) {
        log.error("refusing node {}: {}", m.hostId(), e.getMessage());
      }
    }
    if (changed) {
      MemberList mine = list();
      for (UUID peer : Set.copyOf(known.keySet())) {
        if (!peer.equals(config.hostId()) && !peer.equals(source)) {
          node.request(peer, Verb.JOIN, mine, this::onJoinAnswer);
        }
      }
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

  /** The members this node knows, itself included. */
  public int knownMembers() {
    return known.size();
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
    out.add(thisNode);
    synchronized (members) {
      out.addAll(members.values());
    }
    return out;
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + ": not supported on a node of a multi-process (TCP) cluster;"
        + " the manual clock and truncate need an in-JVM cluster (ClusterSpec with several nodes)");
  }

  @Override
  public int truncate(java.util.Set<String> keyspaces) {
    throw unsupported("truncate");
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
    removeNode(member.hostId());
  }

  private synchronized void removeNode(UUID id) {
    if (id.equals(config.hostId())) {
      throw new UnsupportedOperationException("Cannot remove self");
    }
    MemberInfo dead = known.get(id);
    if (dead == null) {
      throw new IllegalArgumentException("Host ID not found.");
    }
    if (node.believesAlive(id)) {
      throw new UnsupportedOperationException("Node /" + dead.nativeAddress().getHostAddress() + ":" + dead.internodePort()
          + " is alive and owns this ID. Use decommission command to remove it from the ring");
    }
    membership.removeNode(dead);
  }

  /** This process's node leaves the ring ({@code nodetool decommission}), then stops; see {@link #onLeft}. */
  private synchronized void leaveRing() {
    if (closed.get() || !node.isRunning()) {
      throw new IllegalStateException("decommission: node " + config.hostId() + " is not running (expected: a running"
          + " node; RingletCluster.removeNode removes a dead one)");
    }
    membership.decommission();
    left.add(config.hostId());
    scheduler.shutdownNow();
    node.stop(true);
  }

  /**
   * Sets what happens once this process's node has left the ring by a decommission (by default
   * nothing more: the node is stopped, the handle stays open until closed). The standalone server
   * exits.
   */
  public void onLeft(Runnable action) {
    this.onLeft = action;
  }

  // ------------------------------------------------------------------ operator commands (nodetool over the internode port)

  private Object onAdmin(Message m) {
    dev.ringlet.internal.gossip.AdminCommand command = (dev.ringlet.internal.gossip.AdminCommand) m.payload();
    requests.execute(() -> {
      String answer;
      try {
        answer = admin(command);
      } catch (RuntimeException e) {
        node.fail(m, String.valueOf(e.getMessage()));
        return;
      }
      node.reply(m, answer);
      if (!known.containsKey(m.from())) {
        forgetLater(m.from()); // a nodetool command: its connection is not needed once the answer is out
      }
      if (command.name().equals("decommission")) {
        transport.drain(2000); // the answer leaves before the process goes
        onLeft.run();
      }
    });
    return null;
  }

  private void forgetLater(UUID peer) {
    try {
      scheduler.schedule(() -> transport.forget(peer), 5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopping anyway
    }
  }

  /** Runs one operator command; returns what {@code nodetool} prints. */
  private String admin(dev.ringlet.internal.gossip.AdminCommand c) {
    List<String> args = c.arguments();
    switch (c.name()) {
      case "status":
        requireArguments(c, 0);
        return ProcessStatus.format(statusEntries());
      case "decommission":
        requireArguments(c, 0);
        leaveRing();
        return "";
      case "removenode":
        requireArguments(c, 1);
        UUID id;
        try {
          id = UUID.fromString(args.get(0));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Host ID not found.");
        }
        removeNode(id);
        return "";
      case "repair":
        return repairCommand(args);
      case "stop":
      case "kill":
      case "start":
      case "pause":
      case "resume":
        requireArguments(c, 0);
        control(c.name());
        return "";
      default:
        throw new IllegalArgumentException("unknown command " + c.name()
            + " (expected: status, decommission, removenode <host id>, repair [keyspace [tables...]], stop, kill, start, pause,"
            + " resume)");
    }
  }

  private void control(String command) {
    switch (command) {
      case "stop":
        stopNode(true);
        break;
      case "kill":
        stopNode(false);
        break;
      case "start":
        startNode();
        break;
      case "pause":
        pauseNode();
        break;
      default:
        resumeNode();
        break;
    }
  }

  /**
   * Runs an operator command on another member (its process answers {@link Verb#ADMIN}), waiting
   * up to {@code timeout}.
   *
   * @throws IllegalStateException with the member's error, or when it does not answer
   */
  private String remoteCommand(UUID member, String name, Duration timeout) {
    java.util.concurrent.atomic.AtomicReference<Message> answer = new java.util.concurrent.atomic.AtomicReference<>();
    node.request(member, Verb.ADMIN, new dev.ringlet.internal.gossip.AdminCommand(name, List.of()), answer::set);
    if (!context.time().awaitUntil(() -> answer.get() != null, context.time().nowMillis() + timeout.toMillis())) {
      throw new IllegalStateException(name + ": node " + member + " did not answer within " + timeout
          + " (expected: its process running, reachable on its internode port)");
    }
    if (answer.get().failure()) {
      throw new IllegalStateException(String.valueOf(answer.get().payload()));
    }
    return String.valueOf(answer.get().payload());
  }

  private static void requireArguments(dev.ringlet.internal.gossip.AdminCommand c, int count) {
    if (c.arguments().size() != count) {
      throw new IllegalArgumentException(c.name() + ": " + c.arguments().size() + " arguments " + c.arguments() + " (expected: "
          + count + ")");
    }
  }

  /** {@code repair [keyspace [tables...]]}: without a keyspace, every non-system keyspace, as nodetool does. */
  private String repairCommand(List<String> args) {
    List<String> keyspaces = new ArrayList<>();
    if (args.isEmpty()) {
      for (String ks : node.schemaSnapshot().keyspaces().keySet()) {
        if (!dev.ringlet.internal.exec.ddl.SystemNames.isSystem(ks)) {
          keyspaces.add(ks);
        }
      }
      keyspaces.sort(null);
    } else {
      keyspaces.add(args.get(0));
    }
    StringBuilder out = new StringBuilder();
    for (String ks : keyspaces) {
      List<String> tables = args.size() > 1 ? args.subList(1, args.size()) : List.of();
      int written = node.repair(ks, tables);
      out.append("Repair of keyspace ").append(ks).append(" completed successfully: ").append(written)
          .append(" partition copies written to replicas that differed\n");
    }
    return out.toString();
  }

  /** Every member as {@code nodetool status} lists it. */
  private List<ProcessStatus.Entry> statusEntries() {
    List<ProcessStatus.Entry> out = new ArrayList<>();
    Set<UUID> leaving = context.leaving();
    for (MemberInfo m : known.values()) {
      if (left.contains(m.hostId())) {
        continue;
      }
      out.add(new ProcessStatus.Entry(m, node.believesAlive(m.hostId()),
          leaving.contains(m.hostId()) ? ProcessStatus.State.LEAVING : ProcessStatus.State.NORMAL));
    }
    for (MemberInfo m : membership.joining()) {
      out.add(new ProcessStatus.Entry(m, node.believesAlive(m.hostId()), ProcessStatus.State.JOINING));
    }
    return out;
  }

  /** What membership changes do to this process's view: see {@link ProcessMembership.Registry}. */
  private final class Registry implements ProcessMembership.Registry {
    @Override
    public MemberInfo self() {
      return ProcessCluster.this.self();
    }

    @Override
    public Map<UUID, MemberInfo> known() {
      return known;
    }

    @Override
    public NodeConfig config(MemberInfo member) {
      return peerConfig(member, options.spec());
    }

    @Override
    public void route(MemberInfo m) {
      transport.addPeer(m.hostId(), new InetSocketAddress(m.internodeAddress(), m.internodePort()));
    }

    @Override
    public void becameNormal(MemberInfo m) {
      route(m);
      NodeConfig peer = config(m);
      context.addMember(peer);
      boolean added = known.put(m.hostId(), m) == null;
      members.put(m.hostId(), new Member(m));
      if (added) {
        node.memberJoined(peer);
        log.info("node {} bootstrapped: {}/{} at {}", m.hostId(), m.datacenter(), m.rack(), m.nativeAddress());
      }
    }

    @Override
    public void left(MemberInfo m) {
      left.add(m.hostId());
      known.remove(m.hostId());
      members.remove(m.hostId());
      node.memberLeft(config(m));
      log.info("node {} left the ring", m.hostId());
    }
  }

  /** Partitions every process of the cluster: the groups are sent to each member (see {@link Verb#FAULTS}). */
  @Override
  public void partition(List<List<RingletNode>> groups) {
    List<Set<UUID>> ids = new ArrayList<>();
    for (List<RingletNode> g : groups) {
      Set<UUID> set = new java.util.HashSet<>();
      for (RingletNode n : g) {
        set.add(n.hostId());
      }
      ids.add(set);
    }
    transport.faults().partition(ids);
    publishFaults("partition");
  }

  @Override
  public void heal() {
    transport.faults().clear();
    publishFaults("heal");
  }

  @Override
  public void addRule(MessageRule rule) {
    dev.ringlet.internal.messaging.FaultRule.Direction direction = rule.direction() == MessageRule.Direction.BOTH ? null
        : dev.ringlet.internal.messaging.FaultRule.Direction.valueOf(rule.direction().name());
    transport.faults().add(new dev.ringlet.internal.messaging.FaultRule(rule.verb() == null ? null : Verb.valueOf(rule.verb().name()),
        rule.from() == null ? null : rule.from().hostId(), rule.to() == null ? null : rule.to().hostId(), direction, rule.delay()));
    publishFaults("addRule");
  }

  /**
   * Sends this node's faults to every other member and waits (up to {@link #FAULTS_TIMEOUT}) until
   * each member it believes alive has them in force, so a fault holds cluster-wide once the call
   * returns.
   */
  private void publishFaults(String what) {
    dev.ringlet.internal.messaging.Faults.State state = transport.faults().state();
    Set<UUID> expected = new java.util.HashSet<>();
    Set<UUID> applied = ConcurrentHashMap.newKeySet();
    for (UUID peer : Set.copyOf(members.keySet())) {
      if (node.believesAlive(peer)) {
        expected.add(peer);
      }
      node.request(peer, Verb.FAULTS, state, a -> {
        if (!a.failure()) {
          applied.add(a.from());
        }
      });
    }
    if (!context.time().awaitUntil(() -> applied.containsAll(expected), context.time().nowMillis() + FAULTS_TIMEOUT.toMillis())) {
      Set<UUID> missing = new java.util.HashSet<>(expected);
      missing.removeAll(applied);
      throw new IllegalStateException(what + ": nodes " + missing + " did not confirm the faults within " + FAULTS_TIMEOUT
          + " (expected: every live member to answer)");
    }
  }

  private static final Duration FAULTS_TIMEOUT = Duration.ofSeconds(10);

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

  /** Another member of the cluster, running in another process: named in faults, controlled through its process. */
  private final class Member implements RingletNode {
    private final MemberInfo info;

    Member(MemberInfo info) {
      this.info = info;
    }

    @Override
    public InetSocketAddress nativeAddress() {
      return new InetSocketAddress(info.nativeAddress(), info.nativePort());
    }

    @Override
    public String datacenter() {
      return info.datacenter();
    }

    @Override
    public String rack() {
      return info.rack();
    }

    @Override
    public UUID hostId() {
      return info.hostId();
    }

    /** Whether this node's failure detector believes the member is up. */
    @Override
    public boolean isRunning() {
      return node.believesAlive(info.hostId());
    }

    @Override
    public void flush() {
      throw remote("flush");
    }

    @Override
    public void compact() {
      throw remote("compact");
    }

    @Override
    public int snapshot(String tag) {
      throw remote("snapshot");
    }

    @Override
    public int restoreSnapshot(String tag) {
      throw remote("restoreSnapshot");
    }

    @Override
    public dev.ringlet.api.TableStatistics tableStats(String keyspace, String table) {
      throw remote("tableStats");
    }

    /** Asks the member's process to stop its node (an operator command over the internode port). */
    @Override
    public void stop() {
      remoteCommand(info.hostId(), "stop", CONTROL_TIMEOUT);
    }

    /** Asks the member's process to kill its node (an operator command over the internode port). */
    @Override
    public void kill() {
      remoteCommand(info.hostId(), "kill", CONTROL_TIMEOUT);
    }

    /** Asks the member's process to start its node (an operator command over the internode port). */
    @Override
    public void start() {
      remoteCommand(info.hostId(), "start", CONTROL_TIMEOUT);
    }

    /** Asks the member's process to pause its node (an operator command over the internode port). */
    @Override
    public void pause() {
      remoteCommand(info.hostId(), "pause", CONTROL_TIMEOUT);
    }

    /** Asks the member's process to resume its node (an operator command over the internode port). */
    @Override
    public void resume() {
      remoteCommand(info.hostId(), "resume", CONTROL_TIMEOUT);
    }

    /** Asks the member's process to decommission its node (as {@code nodetool decommission} there); returns once it left. */
    @Override
    public void decommission() {
      remoteCommand(info.hostId(), "decommission", STREAM_TIMEOUT);
    }

    @Override
    public void failCommitLogWrites(String message) {
      throw remote("failCommitLogWrites");
    }

    @Override
    public void failDataWrites(String message) {
      throw remote("failDataWrites");
    }

    @Override
    public void clearDiskFailures() {
      throw remote("clearDiskFailures");
    }

    @Override
    public int repair(String keyspace, String... tables) {
      throw remote("repair");
    }

    private UnsupportedOperationException remote(String what) {
      return new UnsupportedOperationException(what + ": node " + info.hostId() + " runs in another process"
          + " (expected: a node of this process, or the handle of the process that runs it)");
    }

    @Override
    public String toString() {
      return "RingletNode[" + info.datacenter() + "/" + info.rack() + " " + nativeAddress() + ", another process]";
    }
  }

  // ------------------------------------------------------------------ stopping and pausing this process's node

  /**
   * Stops this process's node as {@link RingletNode#stop}/{@link RingletNode#kill} do in one JVM: it
   * stops serving clients and its messages are lost both ways (a graceful stop tells the peers
   * first, so they mark it DOWN at once); the process and its internode port stay up, so that it can
   * be started again (from this handle, or another process's through {@link Verb#ADMIN}).
   */
  private synchronized void stopNode(boolean graceful) {
    requireInRing("stop");
    if (!node.isRunning()) {
      return;
    }
    if (graceful) {
      node.stop(true); // the goodbye leaves before the gate closes
      gate.stop();
    } else {
      gate.stop();
      node.stop(false);
    }
  }

  private synchronized void startNode() {
    requireInRing("start");
    gate.flow();
    if (!node.isRunning()) {
      node.start(resources);
    }
  }

  /** Pauses this process's node: messages to it wait and it sends none until {@link #resumeNode} (peers see it DOWN meanwhile). */
  private synchronized void pauseNode() {
    requireInRing("pause");
    if (gate.state() == TrafficGate.State.FLOWING && node.isRunning()) {
      gate.pause();
    }
  }

  private synchronized void resumeNode() {
    requireInRing("resume");
    if (gate.state() == TrafficGate.State.PAUSED) {
      gate.flow();
    }
  }

  private void requireInRing(String what) {
    if (left.contains(config.hostId()) || closed.get()) {
      throw new IllegalStateException(what + ": node " + config.hostId() + " has left the ring or its handle is closed");
    }
  }

  private final class ThisNode implements NodeView {
    @Override
    public Node node() {
      return node;
    }

    /** Stops the node gracefully; the process keeps its internode port open (see {@link #start}). */
    @Override
    public void stop() {
      stopNode(true);
    }

    /** Stops the node without telling its peers (they detect it); its process stays up. */
    @Override
    public void kill() {
      stopNode(false);
    }

    @Override
    public void start() {
      startNode();
    }

    @Override
    public void pause() {
      pauseNode();
    }

    @Override
    public void resume() {
      resumeNode();
    }

    /** Leaves the ring as {@code nodetool decommission} does, then stops this process's node (see {@link #onLeft}). */
    @Override
    public void decommission() {
      leaveRing();
      onLeft.run();
    }

    /** Full repair of this node's ranges with the replicas in the other processes. */
    @Override
    public int repair(String keyspace, String... tables) {
      return node.repair(keyspace, List.of(tables));
    }

    @Override
    public String toString() {
      return "RingletNode[" + config.datacenter() + "/" + config.rack() + " " + nativeAddress() + "]";
    }
  }
}
