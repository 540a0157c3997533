package dev.ringlet.internal.gossip;

import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** One node's gossip: heartbeats to peers and a phi-accrual failure detector. See {@code Gossip.md}. */
public final class Gossiper {

  static final double PHI_CONVICT_THRESHOLD = 8.0;
  private static final double LOG10_E = Math.log10(Math.E);
  private static final long INITIAL_INTERVAL_MILLIS = 1000;
  private static final int WINDOW = 100;

  private final UUID self;
  private final List<UUID> peers;
  private final MessagingEndpoint messaging;
  private final ClusterTime time;
  private final GossipListener listener;
  private final LongSupplier schemaEpoch;
  private final java.util.function.Supplier<UUID> schemaVersion;
  private final Map<UUID, PeerState> states = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile long generation;

  /** What this node believes of one peer. */
  private static final class PeerState {
    boolean alive;
    UUID schemaVersion;
    long heartbeatVersion = -1;
    long generation = -1;
    long lastHeardMillis;
    final Deque<Long> intervals = new ArrayDeque<>();

    synchronized void arrival(long now) {
      if (lastHeardMillis > 0) {
        intervals.addLast(Math.max(1, now - lastHeardMillis));
        if (intervals.size() > WINDOW) {
          intervals.removeFirst();
        }
      }
      lastHeardMillis = now;
    }

    synchronized double phi(long now) {
      double mean = intervals.isEmpty() ? INITIAL_INTERVAL_MILLIS
          : Math.max(INITIAL_INTERVAL_MILLIS, intervals.stream().mapToLong(Long::longValue).average().orElse(INITIAL_INTERVAL_MILLIS));
      return (now - lastHeardMillis) / mean * LOG10_E;
    }
  }

  public Gossiper(UUID self, Collection<UUID> peers, MessagingEndpoint messaging, ClusterTime time, GossipListener listener,
      LongSupplier schemaEpoch, java.util.function.Supplier<UUID> schemaVersion) {
    this.self = self;
    this.peers = new java.util.concurrent.CopyOnWriteArrayList<>(peers);
    this.messaging = messaging;
    this.time = time;
    this.listener = listener;
    this.schemaEpoch = schemaEpoch;
    this.schemaVersion = schemaVersion;
    for (UUID p : this.peers) {
      states.put(p, new PeerState());
    }
    messaging.handle(Verb.GOSSIP, this::onGossip);
    messaging.handle(Verb.SHUTDOWN, this::onShutdown);
  }

  /**
   * Adds a peer learned while running (a process that joined over TCP): unknown (DOWN) until it
   * answers a heartbeat, which reports it UP.
   */
  public void addPeer(UUID peer) {
    if (!peer.equals(self) && states.putIfAbsent(peer, new PeerState()) == null) {
      peers.add(peer);
    }
  }

  /** Forgets a peer that left the ring (decommissioned or removed): no more heartbeats to it, no events for it. */
  public void removePeer(UUID peer) {
    peers.remove(peer);
    states.remove(peer);
  }

  /** Starts a new generation: every peer is unknown (DOWN) until it answers. Then runs a round. */
  public void start() {
    generation = Math.max(time.nowMillis(), generation + 1);
    for (PeerState s : states.values()) {
      synchronized (s) {
        s.alive = false;
        s.intervals.clear();
        s.lastHeardMillis = 0;
      }
    }
    round();
  }

  /** Tells every peer this node is going away. */
  public void announceShutdown() {
    for (UUID p : peers) {
      messaging.tell(p, Verb.SHUTDOWN, beat(version.get()));
    }
  }

  private Heartbeat beat(long v) {
    return new Heartbeat(generation, v, schemaEpoch.getAsLong(), schemaVersion.get());
  }

  /** The schema version a peer last reported, or null when it never did. */
  public UUID schemaVersion(UUID peer) {
    PeerState s = states.get(peer);
    if (s == null) {
      return null;
    }
    synchronized (s) {
      return s.schemaVersion;
    }
  }

  /** When this node last heard from the peer (clock millis), 0 if never. */
  public long lastHeard(UUID peer) {
    PeerState s = states.get(peer);
    if (s == null) {
      return 0;
    }
    synchronized (s) {
      return s.lastHeardMillis;
    }
  }

  public boolean isAlive(UUID node) {
    if (node.equals(self)) {
      return true;
    }
    PeerState s = states.get(node);
    return s != null && s.alive;
  }

  /** One gossip round: heartbeat to every peer, then convict the silent ones. */
  public void round() {
    Heartbeat mine = beat(version.incrementAndGet());
    for (UUID p : peers) {
      messaging.request(p, Verb.GOSSIP, mine, this::onAnswer);
    }
    long now = time.nowMillis();
    for (Map.Entry<UUID, PeerState> e : states.entrySet()) {
      PeerState s = e.getValue();
      boolean convict;
      synchronized (s) {
        convict = s.alive && s.phi(now) > PHI_CONVICT_THRESHOLD;
        if (convict) {
          s.alive = false;
        }
      }
      if (convict) {
        listener.onDown(e.getKey());
      }
    }
  }

  private Object onGossip(Message m) {
    heard(m.from(), (Heartbeat) m.payload());
    return beat(version.get());
  }

  private void onAnswer(Message m) {
    if (!m.failure()) {
      heard(m.from(), (Heartbeat) m.payload());
    }
  }

  private Object onShutdown(Message m) {
    PeerState s = states.get(m.from());
    if (s == null) {
      return null;
    }
    boolean wasAlive;
    synchronized (s) {
      wasAlive = s.alive;
      s.alive = false;
    }
    if (wasAlive) {
      listener.onDown(m.from());
    }
    return null;
  }

  private void heard(UUID peer, Heartbeat beat) {
    PeerState s = states.get(peer);
    if (s == null) {
      return;
    }
    boolean up;
    synchronized (s) {
      if (beat.generation() == s.generation && beat.version() < s.heartbeatVersion) {
        return; // an older heartbeat overtaken by a newer one (nested rounds): nothing new in it
      }
      if (beat.generation() != s.generation) {
        s.intervals.clear();
        s.lastHeardMillis = 0;
      }
      s.arrival(time.nowMillis());
      up = !s.alive || beat.generation() != s.generation && s.generation != -1;
      boolean restarted = s.alive && beat.generation() != s.generation && s.generation != -1;
      s.generation = beat.generation();
      s.heartbeatVersion = beat.version();
      s.schemaVersion = beat.schemaVersion();
      s.alive = true;
      if (restarted) {
        // A restart we never saw go down: report it down and up, as Cassandra's gossip does.
        up = true;
      }
    }
    if (up) {
      listener.onUp(peer);
    }
    if (beat.schemaEpoch() > schemaEpoch.getAsLong()) {
      listener.onNewerSchema(peer, beat.schemaEpoch());
    }
  }
}
