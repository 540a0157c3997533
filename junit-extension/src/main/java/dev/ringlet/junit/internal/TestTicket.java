package dev.ringlet.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running test's hold on its cluster's gate (so no reset empties tables under it), and, with
 * {@code Isolation.FRESH_KEYSPACE}, its own keyspace and session. Released by the extension after the
 * test; closing it with the test's store is the backstop.
 */
public final class TestTicket implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final ClusterResource resource;
  private final long stamp;
  private final String freshKeyspace;
  private AutoCloseable freshSession;
  private boolean gateHeld = true;
  private boolean closed;

  public TestTicket(ClusterResource resource, long stamp, String freshKeyspace) {
    this.resource = resource;
    this.stamp = stamp;
    this.freshKeyspace = freshKeyspace;
  }

  /** The test's own keyspace, or {@code ""} when isolation is not FRESH_KEYSPACE. */
  public String freshKeyspace() {
    return freshKeyspace;
  }

  /** The test's own session bound to its fresh keyspace, opened on first use. */
  public synchronized Object freshSession(SessionOptions options, ClassLoader loader) {
    if (freshSession == null) {
      freshSession = resource.openSession(freshKeyspace, options, loader);
    }
    return freshSession;
  }

  public synchronized void releaseGate() {
    if (gateHeld) {
      gateHeld = false;
      resource.leaveTest(stamp);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    releaseGate();
    try {
      if (freshSession != null) {
        freshSession.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("closing the session of fresh keyspace " + freshKeyspace + " failed", e);
    } finally {
      if (!freshKeyspace.isEmpty()) {
        resource.dropFreshKeyspace(freshKeyspace);
      }
    }
  }
}
