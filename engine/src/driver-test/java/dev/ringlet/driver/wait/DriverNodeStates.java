package dev.ringlet.driver.wait;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.internal.core.context.EventBus;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.internal.core.metadata.NodeStateEvent;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waits for the Java driver to see a node in a state, woken by the driver's own node state events
 * (its internal event bus, where its {@code NodeStateListener}s are fed from), not by polling.
 *
 * <p>The listener is registered before the current state is read, so an event between the two is
 * not missed. The driver changes its metadata before it fires the event.
 */
public final class DriverNodeStates {

  private DriverNodeStates() {}

  /** Returns once the driver's metadata shows the node {@code state}; fails after {@link Await#TIMEOUT}. */
  public static void await(CqlSession session, UUID hostId, NodeState state) {
    awaitEvent(session, hostId, "in state " + state, e -> e.newState == state, () -> {
      Node node = session.getMetadata().getNodes().get(hostId);
      return node != null && node.getState() == state;
    });
  }

  /** Returns once the driver's metadata no longer lists the node (it was removed); fails after {@link Await#TIMEOUT}. */
  public static void awaitRemoved(CqlSession session, UUID hostId) {
    awaitEvent(session, hostId, "removed", e -> e.newState == null,
        () -> !session.getMetadata().getNodes().containsKey(hostId));
  }

  private static void awaitEvent(CqlSession session, UUID hostId, String what, Predicate<NodeStateEvent> event,
      BooleanSupplier reached) {
    EventBus bus = ((InternalDriverContext) session.getContext()).getEventBus();
    CountDownLatch heard = new CountDownLatch(1);
    Object key = bus.register(NodeStateEvent.class, e -> {
      if (e.node != null && hostId.equals(e.node.getHostId()) && event.test(e)) {
        heard.countDown();
      }
    });
    try {
      if (reached.getAsBoolean()) {
        return;
      }
      if (!heard.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !reached.getAsBoolean()) {
        Node now = session.getMetadata().getNodes().get(hostId);
        throw new AssertionError("driver's view of node " + hostId + ": " + (now == null ? "not listed" : now.getState())
            + " (expected: " + what + " within " + Await.TIMEOUT + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for node " + hostId + " to be " + what, e);
    } finally {
      bus.unregister(key, NodeStateEvent.class);
    }
  }
}
