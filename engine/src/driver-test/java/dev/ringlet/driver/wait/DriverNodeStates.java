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

/**
 * Waits for the Java driver to see a node in a state, woken by the driver's own node state events
 * (its internal event bus, where its {@code NodeStateListener}s are fed from), not by polling.
 *
 * <p>The listener is registered before the current state is read, so an event between the two is
 * not missed. The driver sets a node's state before it fires the event.
 */
public final class DriverNodeStates {

  private DriverNodeStates() {}

  /** Returns once the driver's metadata shows the node {@code state}; fails after {@link Await#TIMEOUT}. */
  public static void await(CqlSession session, UUID hostId, NodeState state) {
    EventBus bus = ((InternalDriverContext) session.getContext()).getEventBus();
    CountDownLatch reached = new CountDownLatch(1);
    Object key = bus.register(NodeStateEvent.class, e -> {
      if (e.node != null && hostId.equals(e.node.getHostId()) && e.newState == state) {
        reached.countDown();
      }
    });
    try {
      Node node = session.getMetadata().getNodes().get(hostId);
      if (node != null && node.getState() == state) {
        return;
      }
      if (!reached.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        Node now = session.getMetadata().getNodes().get(hostId);
        throw new AssertionError("driver's view of node " + hostId + ": " + (now == null ? "unknown" : now.getState())
            + " (expected: " + state + " within " + Await.TIMEOUT + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for node " + hostId + " to be " + state, e);
    } finally {
      bus.unregister(key, NodeStateEvent.class);
    }
  }

  /** Returns once the driver's metadata no longer lists the node (it was removed); fails after {@link Await#TIMEOUT}. */
  public static void awaitRemoved(CqlSession session, UUID hostId) {
    EventBus bus = ((InternalDriverContext) session.getContext()).getEventBus();
    CountDownLatch removed = new CountDownLatch(1);
    Object key = bus.register(NodeStateEvent.class, e -> {
      if (e.node != null && hostId.equals(e.node.getHostId()) && e.newState == null) {
        removed.countDown();
      }
    });
    try {
      if (!session.getMetadata().getNodes().containsKey(hostId)) {
        return;
      }
      // the metadata drops the node in the same refresh that fires the event: recheck once woken
      if (!removed.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("driver still lists node " + hostId + " after " + Await.TIMEOUT);
      }
      Await.until("driver metadata without node " + hostId, () -> !session.getMetadata().getNodes().containsKey(hostId));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for node " + hostId + " to be removed", e);
    } finally {
      bus.unregister(key, NodeStateEvent.class);
    }
  }
}
