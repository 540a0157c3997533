package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Runs function calls as 5.0 does with {@code user_defined_functions_threads_enabled} (its
 * default): on a thread of their own, the caller waiting at most the fail timeout. A call that
 * ends later than the warn timeout adds 5.0's client warning ("User defined function ks.f : (int)
 * -> int ran longer than 500ms") to the caller's request (see {@link #drainWarnings}); one still
 * running at the fail timeout fails with 5.0's {@code TimeoutException} text, and its thread is
 * interrupted, which ends the body at its next loop iteration ({@link BackEdges}). A body stuck in
 * one long JDK call (no loop of its own) ends when that call does; nobody waits for it.
 *
 * <p>As in 5.0, a call still running at the fail timeout gets a last wait of the fail timeout
 * minus the CPU time its thread used so far ({@code threadCpuNanos}: the JVM's thread CPU time on
 * a node, tests inject their own; no last wait where the JVM cannot tell): a looping body has used
 * about all of it and fails at once, a body blocked in a JDK call may still end in time.
 *
 * <p>The warning is decided on the call's duration read from {@code nanoTime} (the JVM's
 * {@code System.nanoTime} on a node; tests inject their own), the failure on the wall clock.
 * Threads are daemons and end after 10 s idle; {@link #close} ends them with the node. The pool
 * itself is made by the first call ({@link #threads()}), so a node whose functions never run (UDFs
 * disabled, the default) has none.
 */
public final class UdfExecutor implements AutoCloseable {

  private final UdfTimeouts timeouts;
  private final LongSupplier nanoTime;
  private final java.util.function.LongUnaryOperator threadCpuNanos;
  /** Made by the first call; null until then. Guarded by {@code this}. */
  private ThreadPoolExecutor threads;
  private boolean closed;
  private final AtomicInteger threadIds = new AtomicInteger();
  private final ThreadLocal<List<String>> warnings = new ThreadLocal<>();

  public UdfExecutor(UdfTimeouts timeouts) {
    this(timeouts, System::nanoTime);
  }

  UdfExecutor(UdfTimeouts timeouts, LongSupplier nanoTime) {
    this(timeouts, nanoTime, UdfExecutor::jvmThreadCpuNanos);
  }

  /** {@code threadCpuNanos}: a thread's CPU time in nanoseconds by its id, negative when unknown. */
  UdfExecutor(UdfTimeouts timeouts, LongSupplier nanoTime, java.util.function.LongUnaryOperator threadCpuNanos) {
    this.timeouts = timeouts;
    this.nanoTime = nanoTime;
    this.threadCpuNanos = threadCpuNanos;
  }

  /** The call threads' pool, made on first use; after {@link #close}, a closed pool that refuses calls. */
  private synchronized ThreadPoolExecutor threads() {
    if (threads == null) {
      threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "ringlet-udf-" + threadIds.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      if (closed) {
        threads.shutdownNow();
      }
    }
    return threads;
  }

  /** Whether a call made the threads' pool (for tests: a node whose functions never ran has none). */
  synchronized boolean started() {
    return threads != null;
  }

  /** Runs {@code function} (compiled as {@code compiled}) on {@code args}, within the timeouts. */
  public ByteBuffer execute(UserFunction function, CompiledUdf compiled, List<ByteBuffer> args) {
    long start = nanoTime.getAsLong();
    CallThread thread = new CallThread();
    Future<ByteBuffer> call = threads().submit(() -> {
      thread.started(threadCpuNanos);
      return compiled.execute(args);
    });
    ByteBuffer result;
    try {
      result = awaitWithLastWait(call, thread);
    } catch (TimeoutException e) {
      call.cancel(true);
      // 5.0 warns once a call passes the warn timeout, so a call that then fails has warned too
      warn(function);
      throw new UdfFailure(new TimeoutException(String.format("User defined function %s ran longer than %dms%s",
          signature(function), timeouts.fail().toMillis(),
          timeouts.policy() == UdfTimeouts.Policy.IGNORE ? "" : " - will stop Cassandra VM")));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + signature(function), e);
    }
    long warnNanos = timeouts.warn().toNanos();
    if (warnNanos > 0 && nanoTime.getAsLong() - start > warnNanos) {
      warn(function);
    }
    return result;
  }

  /** 5.0's warning for a call past the warn timeout (none when the warn timeout is zero). */
  private void warn(UserFunction function) {
    if (timeouts.warn().isZero()) {
      return;
    }
    List<String> list = warnings.get();
    if (list == null) {
      list = new ArrayList<>();
      warnings.set(list);
    }
    list.add(String.format("User defined function %s ran longer than %dms", signature(function),
        timeouts.warn().toMillis()));
  }

  /** The call's result within the fail timeout, or within 5.0's last wait (fail timeout minus the CPU time used). */
  private ByteBuffer awaitWithLastWait(Future<ByteBuffer> call, CallThread thread)
      throws TimeoutException, ExecutionException, InterruptedException {
    long failMillis = timeouts.fail().toMillis();
    try {
      return call.get(failMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      long cpuMillis = thread.cpuMillisUsed(threadCpuNanos);
      if (cpuMillis < 0 || cpuMillis >= failMillis) {
        throw e;
      }
      return call.get(failMillis - cpuMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** The thread running one call and its CPU time when the call started (set by that thread). */
  private static final class CallThread {
    private volatile long id = -1;
    private volatile long cpuAtStart = -1;

    void started(java.util.function.LongUnaryOperator cpu) {
      long self = Thread.currentThread().getId();
      cpuAtStart = cpu.applyAsLong(self);
      id = self;
    }

    /** Milliseconds of CPU time the call used so far; negative when unknown (or not started). */
    long cpuMillisUsed(java.util.function.LongUnaryOperator cpu) {
      long self = id;
      if (self < 0 || cpuAtStart < 0) {
        return -1;
      }
      long now = cpu.applyAsLong(self);
      return now < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(now - cpuAtStart);
    }
  }

  private static long jvmThreadCpuNanos(long threadId) {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled() ? bean.getThreadCpuTime(threadId) : -1;
  }

  /**
   * The warnings added by the calls this thread made since the last drain (none: an empty list);
   * a request drains before it starts and when it ends.
   */
  public List<String> drainWarnings() {
    List<String> list = warnings.get();
    if (list == null) {
      return List.of();
    }
    warnings.remove();
    return list;
  }

  /** As 5.0 prints a function: {@code ks.f : (int, text) -> int}. */
  static String signature(UserFunction f) {
    return f.keyspace() + "." + f.name() + " : ("
        + f.argumentTypes().stream().map(CqlType::cql).collect(Collectors.joining(", ")) + ") -> " + f.returnType().cql();
  }

  /**
   * Takes no more calls and waits (at most {@code max}) until the running ones have ended, without
   * interrupting them; whether they all did. For tests: a stopped body's thread is free again.
   */
  boolean shutdownAndAwait(java.time.Duration max) throws InterruptedException {
    ThreadPoolExecutor pool = threads();
    pool.shutdown();
    return pool.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Interrupts running calls and ends the threads. */
  @Override
  public synchronized void close() {
    closed = true;
    if (threads != null) {
      threads.shutdownNow();
    }
  }
}
