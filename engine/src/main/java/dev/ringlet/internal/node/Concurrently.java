package dev.ringlet.internal.node;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of a start's one-time work running on a thread of its own while the calling thread does
 * another, joined before the start returns. The first start in a JVM is class loading and
 * interpreted initialisation from end to end; two independent pieces of it (the I/O threads with the
 * logging backend Netty binds, and the node's object graph) each take about half of it, so on a
 * machine with a second core the start's wall time nearly halves. Nothing is deferred past the
 * start: {@link #join} waits for the piece, and a failure in it is thrown on the joining thread.
 *
 * @param <T> what the piece makes
 */
final class Concurrently<T> {

  private final FutureTask<T> task;

  private Concurrently(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  static <T> Concurrently<T> start(String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Concurrently<>(task);
  }

  /**
   * Waits for the piece and returns what it made; what it threw is rethrown here (a RuntimeException
   * or Error as itself, with this thread's stack added as a suppressed exception).
   */
  T join() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          cause.addSuppressed(new IllegalStateException("joined here"));
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The start failed elsewhere: waits for the piece and closes what it made (a failure of its own is added to {@code failure}). */
  static void closeAfterFailure(Concurrently<? extends AutoCloseable> piece, Throwable failure) {
    try {
      piece.join().close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
