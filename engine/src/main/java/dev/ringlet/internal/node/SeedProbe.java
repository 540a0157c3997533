package dev.ringlet.internal.node;

import dev.ringlet.internal.gossip.Heartbeat;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.MemberList;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a process that is not a seed asks the seeds before it builds its node, to decide how it
 * joins: the ring members they know (an empty JOIN, which adds nobody) and their schema epoch (a
 * GOSSIP heartbeat, which a seed answers even from an unknown sender). Asked again every second
 * until one seed has answered both or the time is up.
 */
final class SeedProbe {

  /**
   * @param members the ring members a seed knows (normal or leaving; never a bootstrapping node)
   * @param schemaEpoch the seed's schema epoch: 0 while no schema change was ever made in the cluster
   */
  record Answer(List<MemberInfo> members, long schemaEpoch) {
    Answer {
      members = List.copyOf(members);
    }

    /** The tokens the ring already lists for {@code hostId} (a member coming back), or null. */
    List<Long> tokensOf(UUID hostId) {
      for (MemberInfo m : members) {
        if (m.hostId().equals(hostId)) {
          return m.tokens();
        }
      }
      return null;
    }
  }

  private SeedProbe() {}

  /**
   * Asks the seeds; the transport's inbox for {@code self} is used until the node registers its own.
   *
   * @throws IllegalStateException when no seed answers within {@code timeout}
   */
  static Answer ask(TcpTransport transport, UUID self, List<UUID> seedRoutes, List<?> seeds, Duration timeout) {
    AtomicReference<MemberList> members = new AtomicReference<>();
    AtomicReference<Heartbeat> beat = new AtomicReference<>();
    Object signal = new Object();
    transport.register(self, m -> {
      if (!m.response() || m.failure()) {
        return;
      }
      if (m.verb() == Verb.JOIN && m.payload() instanceof MemberList list) {
        members.compareAndSet(null, list);
      } else if (m.verb() == Verb.GOSSIP && m.payload() instanceof Heartbeat h) {
        beat.compareAndSet(null, h);
      }
      synchronized (signal) {
        signal.notifyAll();
      }
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    // negative ids: a late answer reaching the node's own messaging matches none of its requests
    long id = Long.MIN_VALUE;
    try {
      while (members.get() == null || beat.get() == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no seed answered within " + timeout + " (seeds: " + seeds + ")");
        }
        for (UUID seed : seedRoutes) {
          transport.send(Message.request(++id, Verb.JOIN, self, seed, new MemberList(List.of())));
          transport.send(Message.request(++id, Verb.GOSSIP, self, seed, new Heartbeat(0, 0, 0, null)));
        }
        synchronized (signal) {
          if (members.get() == null || beat.get() == null) {
            // real I/O with a deadline: wait for an answer, or ask again in a second (a seed still starting)
            signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the seeds", e);
    }
    List<MemberInfo> known = new ArrayList<>(members.get().members());
    return new Answer(known, beat.get().schemaEpoch());
  }
}
