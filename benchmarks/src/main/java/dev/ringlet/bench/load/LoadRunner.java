package dev.ringlet.bench.load;

import dev.ringlet.bench.report.CpuClock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: at most {@code concurrency} operations in flight, a new one started as soon as one
 * completes. Latency is measured from the start of an operation to its completion, in microseconds;
 * being closed-loop, it does not correct for coordinated omission (a slow server gets fewer requests).
 */
public final class LoadRunner {

  /** One asynchronous operation; {@code i} is its sequence number. */
  @FunctionalInterface
  public interface Op {
    CompletionStage<?> start(long i);
  }

  /** Server event-loop threads in this JVM (no-op server and in-JVM Ringlet); none for "jar" and "cassandra". */
  public static final String SERVER_IO_THREADS = "ringlet-io-";

  /**
   * What one run measured.
   *
   * @param serverIoCpuNanos CPU of this JVM's server event-loop threads during the run: the server's
   *     own cost, which neither the driver nor the machine's other load inflates much; 0 for servers
   *     in other processes
   */
  public record Outcome(long operations, long errors, long elapsedNanos, long processCpuNanos, long serverIoCpuNanos,
      Histogram latencyMicros, Throwable firstError) {
    public double opsPerSecond() {
      return operations * 1e9 / elapsedNanos;
    }
  }

  private LoadRunner() {}

  /** Runs {@code count} operations; {@code histogram} may be null when latencies are not wanted. */
  public static Outcome run(Op op, long count, int concurrency, Histogram histogram) throws InterruptedException {
    return run(op, i -> i < count, concurrency, histogram);
  }

  /** Starts operations until {@code deadlineNanos} ({@link System#nanoTime}), then waits for those in flight. */
  public static Outcome runUntil(Op op, long deadlineNanos, int concurrency, Histogram histogram) throws InterruptedException {
    return run(op, i -> System.nanoTime() < deadlineNanos, concurrency, histogram);
  }

  private static Outcome run(Op op, java.util.function.LongPredicate more, int concurrency, Histogram histogram)
      throws InterruptedException {
    Histogram latencies = histogram != null ? histogram : new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    Semaphore slots = new Semaphore(concurrency);
    LongAdder errors = new LongAdder();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    long cpuBegin = CpuClock.processNanos();
    long serverBegin = CpuClock.threadsNanos(SERVER_IO_THREADS);
    long begin = System.nanoTime();
    long i = 0;
    for (; more.test(i); i++) {
      slots.acquire();
      long start = System.nanoTime();
      CompletionStage<?> stage;
      try {
        stage = op.start(i);
      } catch (RuntimeException e) {
        errors.increment();
        firstError.compareAndSet(null, e);
        slots.release();
        continue;
      }
      stage.whenComplete((result, error) -> {
        latencies.recordValue(Math.min((System.nanoTime() - start) / 1000, TimeUnit.MINUTES.toMicros(1)));
        if (error != null) {
          errors.increment();
          firstError.compareAndSet(null, error);
        }
        slots.release();
      });
    }
    slots.acquire(concurrency);
    long elapsed = System.nanoTime() - begin;
    long cpu = CpuClock.processNanos() - cpuBegin;
    long serverCpu = CpuClock.threadsNanos(SERVER_IO_THREADS) - serverBegin;
    return new Outcome(i, errors.sum(), elapsed, cpu, serverCpu, latencies, firstError.get());
  }
}
