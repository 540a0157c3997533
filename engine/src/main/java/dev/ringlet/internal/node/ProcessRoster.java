package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.MemberList;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import dev.ringlet.internal.time.Clock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in a multi-process cluster, as this process knows it: the members, their handles, those
 * that left, and how the knowledge spreads. This process's node sends a JOIN with every member it
 * knows to each seed; a JOIN's answer is every member the recipient knows. Whoever learns a new
 * member adds it (ring, gossip, {@code system.peers}, a TOPOLOGY_CHANGE to its drivers) and passes
 * its whole list to every member it knows, so news spreads until every node knows every node. Every
 * fifth gossip round the node repeats its JOIN to the seeds, which repairs anything lost. It is also
 * what bootstraps, decommissions and removals change ({@link ProcessMembership.Registry}).
 */
final class ProcessRoster implements ProcessMembership.Registry {

  private static final Logger log = LoggerFactory.getLogger(ProcessRoster.class);
  private static final int REJOIN_EVERY_ROUNDS = 5;

  private final ClusterSpec spec;
  private final NodeConfig config;
  private final TcpTransport transport;
  private final ClusterContext context;
  private final Node node;
  private final TrafficGate gate;
  private final List<UUID> seedRoutes;
  private final RemoteMember.Commands commands;
  private final Map<UUID, MemberInfo> known = new ConcurrentHashMap<>();
  /** Handles of the other members, in the order this node learned of them. */
  private final Map<UUID, RemoteMember> members = Collections.synchronizedMap(new LinkedHashMap<>());
  /** Members that left the ring (decommissioned or removed): JOIN lists that still name them are ignored. */
  private final Set<UUID> left = ConcurrentHashMap.newKeySet();
  private final CountDownLatch joined = new CountDownLatch(1);
  private final AtomicLong rounds = new AtomicLong();

  /**
   * @param seedRoutes the seeds' routes on the transport (this node's own address excluded)
   * @param commands how member handles reach their processes
   */
  ProcessRoster(ClusterSpec spec, NodeConfig config, TcpTransport transport, ClusterContext context, Node node, TrafficGate gate,
      List<UUID> seedRoutes, RemoteMember.Commands commands) {
    this.spec = spec;
    this.config = config;
    this.transport = transport;
    this.context = context;
    this.node = node;
    this.gate = gate;
    this.seedRoutes = List.copyOf(seedRoutes);
    this.commands = commands;
  }

  /** The description of another member, as this process's context keeps it. */
  static NodeConfig peerConfig(MemberInfo m, ClusterSpec spec) {
    return new NodeConfig(m.clusterName(), m.datacenter(), m.rack(), m.nativeAddress(), m.nativePort(), m.releaseVersion(),
        m.hostId(), m.tokens(), Clock.system(), m.internodePort(), spec.authentication(), spec.userDefinedFunctions(),
        spec.materializedViews(), spec.dynamicDataMasking(), LocalCluster.readThresholds(spec), LocalCluster.udfTimeouts(spec));
  }

  /** A bootstrapping node starts knowing the members the seeds listed (its context already has them as its ring). */
  void knowRing(List<MemberInfo> ring) {
    for (MemberInfo m : ring) {
      transport.addPeer(m.hostId(), new InetSocketAddress(m.internodeAddress(), m.internodePort()));
      known.put(m.hostId(), m);
      members.put(m.hostId(), handle(m));
    }
  }

  /** This node is a member too (with the native port actually bound); alone when it has no other seed. */
  void addSelf() {
    known.put(config.hostId(), self());
    if (seedRoutes.isEmpty()) {
      joined.countDown();
    }
  }

  /** The node bootstrapped: it is a member, joined. */
  void bootstrapped() {
    known.put(config.hostId(), self());
    joined.countDown();
  }

  /** Waits for a seed's first answer. */
  void awaitJoined(Duration timeout, List<InetSocketAddress> seeds) {
    try {
      if (!joined.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no seed answered within " + timeout + " (seeds: " + seeds + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining", e);
    }
  }

  /** One gossip round: JOIN to the seeds until joined and every fifth round, then heartbeats. */
  void round() {
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

  @Override
  public MemberInfo self() {
    InetSocketAddress listen = transport.address();
    return new MemberInfo(config.clusterName(), config.hostId(), config.datacenter(), config.rack(), config.releaseVersion(),
        config.address(), node.nativeAddress().getPort(), listen.getAddress(), listen.getPort(), config.tokens());
  }

  private MemberList list() {
    return new MemberList(List.copyOf(known.values()));
  }

  /** Answers a JOIN: learns the sender's members, tells it every member this node knows. */
  Object onJoin(Message m) {
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
      NodeConfig peer = peerConfig(m, spec);
      try {
        transport.addPeer(m.hostId(), new InetSocketAddress(m.internodeAddress(), m.internodePort()));
        if (context.addMember(peer)) {
          known.put(m.hostId(), m);
          members.put(m.hostId(), handle(m));
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

  private RemoteMember handle(MemberInfo m) {
    return new RemoteMember(m, node::believesAlive, commands);
  }

  /** The members this node knows, itself included. */
  int size() {
    return known.size();
  }

  /** The other members' handles, in the order this node learned of them. */
  List<RingletNode> others() {
    synchronized (members) {
      return new ArrayList<>(members.values());
    }
  }

  /** The other members' host ids. */
  Set<UUID> otherIds() {
    synchronized (members) {
      return Set.copyOf(members.keySet());
    }
  }

  /** Whether a node (this one too) has left the ring. */
  boolean hasLeft(UUID hostId) {
    return left.contains(hostId);
  }

  /** This process's node left the ring. */
  void selfLeft() {
    left.add(config.hostId());
  }

  // ------------------------------------------------------------------ ProcessMembership.Registry

  @Override
  public Map<UUID, MemberInfo> known() {
    return known;
  }

  @Override
  public NodeConfig config(MemberInfo member) {
    return peerConfig(member, spec);
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
    members.put(m.hostId(), handle(m));
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
