package dev.ringlet.internal.node;

import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.RingChange;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership changes of a multi-process cluster: the steps {@link Membership} takes on the shared
 * context of an in-JVM cluster, taken here by every process on its own context as the process
 * running the change sends them ({@link RingChange} over {@link Verb#RING_CHANGE}).
 *
 * <p>The running process sends each step to every other member and waits until each member it
 * believes alive has it in force: BEGIN (the change is pending there, so its coordinators write to
 * the pending replicas), then the nodes that gain ranges stream them (the joining node itself, or
 * every other member for a decommission or removenode, through the same {@code RangeStreamer} as
 * in one JVM), then COMPLETE. When a member refuses BEGIN (another change is under way there) the
 * members that accepted get ABORT and the change fails with that member's message. A member that
 * is down during a change does not hear of it (it learns the new member from the JOIN lists when
 * it comes back, but not a departure).
 */
final class ProcessMembership {

  private static final Logger log = LoggerFactory.getLogger(ProcessMembership.class);
  /** How long a step waits for the members' confirmation. */
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
  /** How long a bootstrap waits for its peers to be seen alive before streaming (it goes on without them). */
  private static final Duration LIVENESS_WAIT = Duration.ofSeconds(10);

  /** What the membership steps change in the process around them. */
  interface Registry {
    /** This process's node as the other members know it. */
    MemberInfo self();

    /** Every member this process knows as part of the ring (normal or leaving), itself included. */
    Map<UUID, MemberInfo> known();

    /** The member as a node description. */
    NodeConfig config(MemberInfo member);

    /** The member finished bootstrapping: add it everywhere (ring, handles, drivers). */
    void becameNormal(MemberInfo member);

    /** The member left the ring: forget it everywhere (ring, handles, drivers). */
    void left(MemberInfo member);

    /** Where to reach a member. */
    void route(MemberInfo member);
  }

  private final Node node;
  private final ClusterContext context;
  private final Executor work;
  private final Registry registry;
  private final Duration streamTimeout;
  /** Members bootstrapping now, as they described themselves (for status). */
  private final Map<UUID, MemberInfo> joining = new ConcurrentHashMap<>();

  ProcessMembership(Node node, ClusterContext context, Executor work, Registry registry, Duration streamTimeout) {
    this.node = node;
    this.context = context;
    this.work = work;
    this.registry = registry;
    this.streamTimeout = streamTimeout;
    node.handle(Verb.RING_CHANGE, this::onChange);
  }

  /** The members bootstrapping now (at most one). */
  Collection<MemberInfo> joining() {
    return List.copyOf(joining.values());
  }

  // ------------------------------------------------------------------ a step arriving from the process running the change

  private Object onChange(Message m) {
    RingChange change = (RingChange) m.payload();
    MemberInfo member = change.member();
    UUID id = member.hostId();
    switch (change.kind()) {
      case BEGIN_JOIN:
        // answered once the joining node is seen alive, so that writes count it as a pending replica at once
        work.execute(() -> beginJoin(m, member));
        return null;
      case COMPLETE_JOIN:
        joining.remove(id);
        registry.becameNormal(member);
        return Boolean.TRUE;
      case BEGIN_LEAVE:
        context.beginLeave(id);
        return Boolean.TRUE;
      case FETCH_STRICT:
      case FETCH:
        boolean strict = change.kind() == RingChange.Kind.FETCH_STRICT;
        work.execute(() -> {
          try {
            node.reply(m, node.fetchGained(context.ring(), context.futureRing(), strict));
          } catch (RuntimeException e) {
            node.fail(m, String.valueOf(e.getMessage()));
          }
        });
        return null;
      case COMPLETE_LEAVE:
        context.completeLeave(id);
        registry.left(member);
        return Boolean.TRUE;
      case ABORT:
        abortLocally(id);
        return Boolean.TRUE;
      default:
        throw new IllegalArgumentException("kind: " + change.kind());
    }
  }

  private void beginJoin(Message m, MemberInfo member) {
    try {
      registry.route(member);
      context.beginJoin(registry.config(member));
    } catch (RuntimeException e) {
      node.fail(m, String.valueOf(e.getMessage()));
      return;
    }
    joining.put(member.hostId(), member);
    node.peerJoining(member.hostId());
    node.gossipNow();
    context.time().awaitUntil(() -> node.believesAlive(member.hostId()), context.time().nowMillis() + STEP_TIMEOUT.toMillis());
    node.reply(m, Boolean.TRUE);
  }

  /** Gives up the change of {@code id} if it is the one under way here. */
  private void abortLocally(UUID id) {
    if (id.equals(context.changing())) {
      context.abortChange();
    }
    if (joining.remove(id) != null && !context.isMember(id)) {
      node.peerJoinAborted(id);
    }
  }

  // ------------------------------------------------------------------ running a change from this process

  /**
   * This process bootstraps (its context already has it joining, {@link ClusterContext#bootstrapInto}):
   * waits for the schema the seeds reported, makes its ranges pending everywhere, streams them and
   * becomes NORMAL everywhere.
   *
   * @return the number of partitions streamed to it
   * @throws IllegalStateException when the schema does not arrive, a member refuses the change, or a
   *     range has no live source
   */
  int bootstrap(long schemaEpoch, Duration timeout) {
    MemberInfo self = registry.self();
    long deadline = context.time().nowMillis() + timeout.toMillis();
    if (!context.time().awaitUntil(() -> node.schemaEpochNow() >= schemaEpoch, deadline)) {
      throw new IllegalStateException("bootstrap: the cluster's schema (epoch " + schemaEpoch + ") did not arrive within " + timeout
          + " (expected: the members to answer a schema pull)");
    }
    List<UUID> others = others(null);
    long livenessDeadline = Math.min(deadline, context.time().nowMillis() + LIVENESS_WAIT.toMillis());
    context.time().awaitUntil(() -> others.stream().allMatch(node::believesAlive), livenessDeadline);
    Map<UUID, Object> accepted = new ConcurrentHashMap<>();
    int received;
    try {
      step(RingChange.Kind.BEGIN_JOIN, self, others, accepted, STEP_TIMEOUT, true);
      received = node.fetchGained(context.ring(), context.futureRing(), true);
    } catch (RuntimeException e) {
      abort(self, accepted.keySet());
      context.abortChange();
      throw e;
    }
    context.completeJoin(self.hostId());
    step(RingChange.Kind.COMPLETE_JOIN, self, others, new ConcurrentHashMap<>(), STEP_TIMEOUT, false);
    log.info("bootstrapped: {} partitions streamed", received);
    return received;
  }

  /**
   * This process's node leaves the ring (decommission): checks as in one JVM, LEAVING everywhere, the
   * other members stream what they gain (from this node first), then LEFT everywhere.
   */
  void decommission() {
    Membership.requireDecommissionKeepsReplicationFactor(context, node);
    MemberInfo self = registry.self();
    leave(self, others(null), true);
  }

  /**
   * Removes a member that is down (removenode): LEAVING on the live members, which stream what they
   * gain from the surviving replicas, then LEFT; ranges only the dead member held are lost.
   */
  void removeNode(MemberInfo dead) {
    leave(dead, others(dead.hostId()), false);
  }

  private void leave(MemberInfo leaving, List<UUID> others, boolean strict) {
    context.beginLeave(leaving.hostId());
    Map<UUID, Object> accepted = new ConcurrentHashMap<>();
    try {
      step(RingChange.Kind.BEGIN_LEAVE, leaving, others, accepted, STEP_TIMEOUT, true);
      RingChange.Kind fetch = strict ? RingChange.Kind.FETCH_STRICT : RingChange.Kind.FETCH;
      if (!strict) {
        // removenode: this node gains ranges too (a decommissioning node only gives)
        Map<UUID, Object> fetched = new ConcurrentHashMap<>();
        Map<UUID, String> failed = new ConcurrentHashMap<>();
        send(fetch, leaving, others, fetched, failed);
        node.fetchGained(context.ring(), context.futureRing(), false);
        await(fetch, others, fetched, failed, streamTimeout, true);
      } else {
        step(fetch, leaving, others, new ConcurrentHashMap<>(), streamTimeout, true);
      }
    } catch (RuntimeException e) {
      abort(leaving, accepted.keySet());
      context.abortChange();
      throw e;
    }
    context.completeLeave(leaving.hostId());
    if (!leaving.hostId().equals(registry.self().hostId())) {
      registry.left(leaving);
    }
    step(RingChange.Kind.COMPLETE_LEAVE, leaving, others, new ConcurrentHashMap<>(), STEP_TIMEOUT, false);
  }

  /** The other ring members, without {@code except}. */
  private List<UUID> others(UUID except) {
    List<UUID> out = new ArrayList<>();
    for (UUID id : registry.known().keySet()) {
      if (!id.equals(registry.self().hostId()) && !id.equals(except)) {
        out.add(id);
      }
    }
    return out;
  }

  private void abort(MemberInfo subject, Set<UUID> accepted) {
    step(RingChange.Kind.ABORT, subject, accepted, new ConcurrentHashMap<>(), STEP_TIMEOUT, false);
  }

  /**
   * Sends a step to {@code targets} and waits for every one this node believes alive.
   *
   * @param answers receives the answers, by member, as they arrive (those that accepted, when it fails)
   * @param strict whether a refusal or silence fails the change (else it is logged)
   */
  private void step(RingChange.Kind kind, MemberInfo subject, Collection<UUID> targets, Map<UUID, Object> answers,
      Duration timeout, boolean strict) {
    Map<UUID, String> failures = new ConcurrentHashMap<>();
    send(kind, subject, targets, answers, failures);
    await(kind, targets, answers, failures, timeout, strict);
  }

  private void send(RingChange.Kind kind, MemberInfo subject, Collection<UUID> targets, Map<UUID, Object> answers,
      Map<UUID, String> failures) {
    RingChange change = new RingChange(kind, subject);
    for (UUID target : targets) {
      node.request(target, Verb.RING_CHANGE, change, a -> {
        if (a.failure()) {
          failures.put(a.from(), String.valueOf(a.payload()));
        } else {
          answers.put(a.from(), a.payload());
        }
      });
    }
  }

  private void await(RingChange.Kind kind, Collection<UUID> targets, Map<UUID, Object> answers, Map<UUID, String> failures,
      Duration timeout, boolean strict) {
    Set<UUID> expected = new HashSet<>();
    for (UUID t : targets) {
      if (node.believesAlive(t)) {
        expected.add(t);
      }
    }
    boolean done = context.time().awaitUntil(() -> {
      for (UUID t : expected) {
        if (!answers.containsKey(t) && !failures.containsKey(t)) {
          return false;
        }
      }
      return true;
    }, context.time().nowMillis() + timeout.toMillis());
    String problem = null;
    if (!failures.isEmpty()) {
      problem = failures.values().iterator().next();
    } else if (!done) {
      Set<UUID> silent = new HashSet<>(expected);
      silent.removeAll(answers.keySet());
      problem = kind + ": nodes " + silent + " did not answer within " + timeout + " (expected: every live member to confirm)";
    }
    if (problem != null) {
      if (strict) {
        throw new IllegalStateException(problem);
      }
      log.warn("{} of {}: {}", kind, targets, problem);
    }
  }
}
