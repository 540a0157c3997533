package dev.ringlet.internal.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The in-JVM transport: delivers a message by calling the recipient's inbox on the sender's thread,
 * unless a fault intervenes. Messages to a node that is not running are lost; to a paused node, or
 * matching a delay rule, they wait ({@link #deliverDue} runs when the cluster clock advances, or on
 * the scheduler with the system clock); a drop rule or a partition loses them.
 */
public final class InJvmBus implements Transport {

  private final Map<UUID, Consumer<Message>> inboxes = new ConcurrentHashMap<>();
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final Set<UUID> paused = ConcurrentHashMap.newKeySet();
  private final Faults faults = new Faults();
  private final ClusterTime time;
  private final ScheduledExecutorService scheduler;
  private final List<Held> held = new ArrayList<>();

  /** A message waiting for its time or for its recipient to resume. */
  private record Held(Message message, long dueMillis) {}

  /** @param scheduler runs delayed deliveries with the system clock; null with a manual clock */
  public InJvmBus(ClusterTime time, ScheduledExecutorService scheduler) {
    this.time = time;
    this.scheduler = scheduler;
  }

  public Faults faults() {
    return faults;
  }

  @Override
  public void register(UUID node, Consumer<Message> inbox) {
    inboxes.put(node, inbox);
  }

  /** Whether messages to and from the node are delivered at all. */
  public void setRunning(UUID node, boolean up) {
    if (up) {
      running.add(node);
    } else {
      running.remove(node);
    }
  }

  public boolean running(UUID node) {
    return running.contains(node);
  }

  public void pause(UUID node) {
    paused.add(node);
  }

  public void resume(UUID node) {
    paused.remove(node);
    deliverDue();
  }

  public boolean paused(UUID node) {
    return paused.contains(node);
  }

  /** Resumes every node and removes every rule and partition, then delivers what was held. */
  public void clearFaults() {
    faults.clear();
    paused.clear();
    deliverDue();
  }

  @Override
  public void send(Message m) {
    if (!running.contains(m.from())) {
      return; // a stopped node says nothing
    }
    if (faults.separated(m.from(), m.to())) {
      return;
    }
    FaultRule rule = faults.rule(m);
    if (rule != null && rule.drops()) {
      return;
    }
    if (rule != null) {
      hold(m, time.nowMillis() + rule.delay().toMillis());
      return;
    }
    if (paused.contains(m.to()) || paused.contains(m.from())) {
      hold(m, Long.MIN_VALUE);
      return;
    }
    deliver(m);
  }

  private void hold(Message m, long due) {
    synchronized (held) {
      held.add(new Held(m, due));
      held.notifyAll();
    }
    if (scheduler != null && due != Long.MIN_VALUE) {
      long delay = Math.max(0, due - time.nowMillis());
      scheduler.schedule(this::deliverDue, delay, TimeUnit.MILLISECONDS);
    }
  }

  /** How many messages a delay rule or a paused node holds now (tests wait for a request to reach a held step). */
  public int heldCount() {
    synchronized (held) {
      return held.size();
    }
  }

  /**
   * Waits (in real time, up to {@code timeoutMillis}) until at least {@code count} messages are held:
   * woken by each message held, so a test knows a request reached its held step without polling.
   *
   * @return whether that many were held in time
   */
  public boolean awaitHeld(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (held) {
      while (held.size() < count) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
          return false;
        }
        held.wait(remaining);
      }
      return true;
    }
  }

  /** Delivers held messages whose time has come and whose recipient is not paused. */
  public void deliverDue() {
    List<Message> ready = new ArrayList<>();
    long now = time.nowMillis();
    synchronized (held) {
      held.removeIf(h -> {
        if (h.dueMillis() <= now && !paused.contains(h.message().to()) && !paused.contains(h.message().from())) {
          ready.add(h.message());
          return true;
        }
        return false;
      });
    }
    for (Message m : ready) {
      if (!faults.separated(m.from(), m.to())) {
        deliver(m);
      }
    }
  }

  private void deliver(Message m) {
    if (!running.contains(m.to())) {
      return;
    }
    Consumer<Message> inbox = inboxes.get(m.to());
    if (inbox != null) {
      inbox.accept(m);
      time.signal();
    }
  }

}
