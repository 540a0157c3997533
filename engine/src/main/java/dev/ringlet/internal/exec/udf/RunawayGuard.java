package dev.ringlet.internal.exec.udf;

/**
 * What a compiled function body calls at the end of each loop iteration (see {@link BackEdges}):
 * once the thread running it has been interrupted, because the body ran past its fail timeout
 * ({@link UdfExecutor}), the body ends there with {@link Stopped}. The interrupt flag stays set,
 * so a body that catches the error meets it again at its next iteration. Public because the
 * function's class loader is not this one.
 */
public final class RunawayGuard {

  private RunawayGuard() {}

  /** Ends the body when its thread has been interrupted. */
  public static void checkpoint() {
    if (Thread.currentThread().isInterrupted()) {
      throw new Stopped();
    }
  }

  /** Thrown into a body stopped after its fail timeout; nobody waits for its result any more. */
  public static final class Stopped extends Error {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("user-defined function stopped after its fail timeout", null, false, false);
    }
  }
}
