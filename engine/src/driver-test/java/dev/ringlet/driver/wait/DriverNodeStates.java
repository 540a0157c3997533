package dev.ringlet.driver.wait;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.util.UUID;

/**
 * Waits for the Java driver to see a node in a state, through the driver's public metadata, with
 * {@link Await}'s bounded wait.
 *
 * <p>Not through the driver's internal event bus: {@code EventBus.register}/{@code unregister} from a
 * test thread race with the driver firing events on its admin threads, and the driver's iteration of
 * its listeners then fails with a ConcurrentModificationException ("Uncaught exception in scheduled
 * task"), losing that event for the driver's own listeners too (seen in CI: a restarted node stayed
 * DOWN in the driver's view).
 */
public final class DriverNodeStates {

  private DriverNodeStates() {}

  /** Returns once the driver's metadata shows the node {@code state}; fails after {@link Await#TIMEOUT}. */
  public static void await(CqlSession session, UUID hostId, NodeState state) {
    Await.until("driver's view of node " + hostId + " in state " + state, () -> {
      Node node = session.getMetadata().getNodes().get(hostId);
      return node != null && node.getState() == state;
    });
  }

  /** Returns once the driver's metadata no longer lists the node (it was removed); fails after {@link Await#TIMEOUT}. */
  public static void awaitRemoved(CqlSession session, UUID hostId) {
    Await.until("driver's view of node " + hostId + " removed", () -> !session.getMetadata().getNodes().containsKey(hostId));
  }
}
