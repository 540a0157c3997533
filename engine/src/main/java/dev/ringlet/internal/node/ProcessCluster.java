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
 * <p>Identity and tokens: the host id is derived from the cluster name and the internode address, so
 * a restarted process keeps its id and tokens; the tokens are {@code num_tokens} random values
 * seeded by the host id, one in each equal slice of the ring. Two members claiming one token would
 * break placement: the second is refused (logged), which with 64-bit tokens practically never
 * happens.
 */
public final class ProcessCluster implements RingletCluster {

  private static final Logger log = LoggerFactory.getLogger(ProcessCluster.class);
  private static final int REJOIN_EVERY_ROUNDS = 5;

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
    NodeConfig configured = new NodeConfig(spec.clusterName(), spec.datacenter(), spec.rack(), nativeAddress, spec.port(),
        spec.releaseVersion(), hostId, InitialTokens.explicitOr(spec,
            () -> Tokens.spread(spec.numTokens(), hostId.getMostSignificantBits() ^ hostId.getLeastSignificantBits())),
        Clock.system(), options.listen().getPort(), spec.authentication(), spec.userDefinedFunctions(),
        spec.materializedViews(), spec.dynamicDataMasking());
    // durable (--data-dir): the node comes back with the host id and tokens saved in its directory
    dev.ringlet.internal.storage.DiskAccess disk = new dev.ringlet.internal.storage.DiskAccess();
    java.nio.file.Path nodeDirectory = spec.dataDirectory() == null ? null : NodeDirectories.find(spec.dataDirectory(), hostId, disk);
    this.config = nodeDirectory == null ? configured : NodeDirectories.restore(nodeDirectory, configured, disk);
    this.transport = new TcpTransport(config.hostId(), options.listen(), new WireCodec(), null);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("ringlet-gossip"));
    this.requests = Executors.newCachedThreadPool(daemon("ringlet-request"));
    ClusterTime time = new ClusterTime(Clock.system(), false);
    Timeouts timeouts = new Timeouts(spec.readTimeout(), Timeouts.defaults().range(), spec.writeTimeout(),
        Timeouts.defaults().counterWrite(), Timeouts.defaults().truncate(), Timeouts.defaults().maxHintWindow());
    // Waiting coordinators wake on every delivery (as the in-JVM bus signals them), not at their deadline.
    dev.ringlet.internal.messaging.Transport signalling = new dev.ringlet.internal.messaging.Transport() {
      @Override
      public void register(UUID node, java.util.function.Consumer<Message> inbox) {
        transport.register(node, m -> {
          inbox.accept(m);
          time.signal();
        });
      }

      @Override
      public void send(Message message) {
        transport.send(message);
      }
    };
    this.context = new ClusterContext(signalling, time, config, timeouts, requests, new TimestampGenerator(Clock.system()));
    this.node = new Node(config, context, NodeDirectories.storage(spec, nodeDirectory, Clock.system(), false, disk));
    node.recordQueriesTo(queryLog);
    if (tls != null) {
      node.serveTls(tls.wire());
    }
    node.handle(Verb.JOIN, this::onJoin);
    node.handle(Verb.FAULTS, m -> {
      transport.faults().replace((dev.ringlet.internal.messaging.Faults.State) m.payload());
      return Boolean.TRUE;
    });
    this.resources = WireResources.create(0);
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
    known.put(config.hostId(), self()); // with the native port actually bound
    for (InetSocketAddress seed : options.seeds()) {
      if (!isSelf(seed)) {
        seedRoutes.add(transport.route(seed));
      }
    }
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
      if (m.equals(known.get(m.hostId()))) {
        continue;
      }
      NodeConfig peer = new NodeConfig(m.clusterName(), m.datacenter(), m.rack(), m.nativeAddress(), m.nativePort(), m.releaseVersion(),
          m.hostId(), m.tokens(), Clock.system(), m.internodePort(), config.authentication(), config.userDefinedFunctions(),
          config.materializedViews(), config.dynamicDataMasking());
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
   * The other members' handles name them in partitions and message rules; operating them (stop,
   * flush, ...) is refused: they run in other processes.
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
        + " stopping, pausing and the manual clock need an in-JVM cluster (ClusterSpec with several nodes)");
  }

  @Override
  public int truncate(java.util.Set<String> keyspaces) {
    throw unsupported("truncate");
  }

  @Override
  public RingletNode addNode(String datacenter, String rack) {
    throw new UnsupportedOperationException("addNode: not supported for process clusters; start another process with --seeds"
        + " (it joins without streaming: see ADR 0005)");
  }

  @Override
  public void removeNode(RingletNode node) {
    throw new UnsupportedOperationException("removeNode: not supported for process clusters (membership changes with"
        + " streaming run only in an in-JVM cluster)");
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

  /** Heals the network of every process (stopped or paused nodes do not exist here: those calls are refused). */
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
    scheduler.shutdownNow();
    node.stop(true);
    transport.drain(1000);
    transport.close();
    requests.shutdownNow();
    resources.close();
  }

  /** Another member of the cluster, running in another process: it can be named, not operated. */
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

    @Override
    public void stop() {
      throw remote("stop");
    }

    @Override
    public void kill() {
      throw remote("kill");
    }

    @Override
    public void start() {
      throw remote("start");
    }

    @Override
    public void pause() {
      throw remote("pause");
    }

    @Override
    public void resume() {
      throw remote("resume");
    }

    @Override
    public void decommission() {
      throw remote("decommission");
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

  private final class ThisNode implements NodeView {
    @Override
    public Node node() {
      return node;
    }

    @Override
    public void stop() {
      throw unsupported("stop (close the cluster handle, or stop the process)");
    }

    @Override
    public void kill() {
      throw unsupported("kill (kill the process)");
    }

    @Override
    public void start() {
      throw unsupported("start");
    }

    @Override
    public void pause() {
      throw unsupported("pause");
    }

    @Override
    public void resume() {
      throw unsupported("resume");
    }

    @Override
    public void decommission() {
      throw new UnsupportedOperationException("decommission: not supported for process clusters (membership changes with"
          + " streaming run only in an in-JVM cluster)");
    }

    @Override
    public int repair(String keyspace, String... tables) {
      throw new UnsupportedOperationException("repair: not supported for process clusters (repair runs only in an in-JVM"
          + " cluster)");
    }

    @Override
    public String toString() {
      return "RingletNode[" + config.datacenter() + "/" + config.rack() + " " + nativeAddress() + "]";
    }
  }
}
