package dev.ringlet.internal.node;

import dev.ringlet.api.MessageRule;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.messaging.FaultRule;
import dev.ringlet.internal.messaging.Faults;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partitions and message rules of a multi-process cluster: set on one process's handle, they are
 * sent to every other member ({@link Verb#FAULTS}) and hold in every process once the call returns.
 */
final class ProcessFaults {

  private static final Duration FAULTS_TIMEOUT = Duration.ofSeconds(10);

  private final TcpTransport transport;
  private final Node node;
  private final ClusterContext context;
  private final ProcessRoster roster;

  ProcessFaults(TcpTransport transport, Node node, ClusterContext context, ProcessRoster roster) {
    this.transport = transport;
    this.node = node;
    this.context = context;
    this.roster = roster;
  }

  /** Puts in force the faults another process published. */
  Object onFaults(dev.ringlet.internal.messaging.Message m) {
    transport.faults().replace((Faults.State) m.payload());
    return Boolean.TRUE;
  }

  void partition(List<List<RingletNode>> groups) {
    List<Set<UUID>> ids = new ArrayList<>();
    for (List<RingletNode> g : groups) {
      Set<UUID> set = new HashSet<>();
      for (RingletNode n : g) {
        set.add(n.hostId());
      }
      ids.add(set);
    }
    transport.faults().partition(ids);
    publish("partition");
  }

  void heal() {
    transport.faults().clear();
    publish("heal");
  }

  void addRule(MessageRule rule) {
    FaultRule.Direction direction = rule.direction() == MessageRule.Direction.BOTH ? null
        : FaultRule.Direction.valueOf(rule.direction().name());
    transport.faults().add(new FaultRule(rule.verb() == null ? null : Verb.valueOf(rule.verb().name()),
        rule.from() == null ? null : rule.from().hostId(), rule.to() == null ? null : rule.to().hostId(), direction, rule.delay()));
    publish("addRule");
  }

  /**
   * Sends this node's faults to every other member and waits (up to {@link #FAULTS_TIMEOUT}) until
   * each member it believes alive has them in force, so a fault holds cluster-wide once the call
   * returns.
   */
  private void publish(String what) {
    Faults.State state = transport.faults().state();
    Set<UUID> expected = new HashSet<>();
    Set<UUID> applied = ConcurrentHashMap.newKeySet();
    for (UUID peer : roster.otherIds()) {
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
      Set<UUID> missing = new HashSet<>(expected);
      missing.removeAll(applied);
      throw new IllegalStateException(what + ": nodes " + missing + " did not confirm the faults within " + FAULTS_TIMEOUT
          + " (expected: every live member to answer)");
    }
  }
}
