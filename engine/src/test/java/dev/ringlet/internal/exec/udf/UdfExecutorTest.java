package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Function calls within 5.0's {@code user_defined_functions_warn_timeout} and {@code _fail_timeout}:
 * runaway bodies fail and their threads are freed; the warning is decided on an injected time
 * source (no sleeping).
 */
class UdfExecutorTest {

  private final JavaUdfs udfs = new JavaUdfs(name -> null);
  private final List<UdfExecutor> executors = new ArrayList<>();

  @AfterEach
  void close() {
    executors.forEach(UdfExecutor::close);
  }

  private UdfExecutor executor(UdfTimeouts timeouts, java.util.function.LongSupplier nanoTime) {
    UdfExecutor e = new UdfExecutor(timeouts, nanoTime);
    executors.add(e);
    return e;
  }

  private static UserFunction fn(List<CqlType> args, CqlType returns, String body) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      names.add("a" + i);
    }
    return new UserFunction("ks", "f", names, args, returns, false, "java", body);
  }

  private static UdfTimeouts timeouts(long warnMillis, long failMillis, UdfTimeouts.Policy policy) {
    return new UdfTimeouts(Duration.ofMillis(warnMillis), Duration.ofMillis(failMillis), policy);
  }

  private ByteBuffer run(UdfExecutor executor, UserFunction f, ByteBuffer... args) {
    return executor.execute(f, udfs.compile(f), List.of(args));
  }

  @Test
  void should_make_its_threads_only_when_a_function_is_first_called() {
    UdfExecutor executor = executor(timeouts(0, 1500, UdfTimeouts.Policy.DIE), System::nanoTime);
    assertThat(executor.started()).isFalse();

    run(executor, fn(List.of(NativeType.INT), NativeType.INT, "return a0 + 1;"), NativeType.INT.encode(1));

    assertThat(executor.started()).isTrue();
  }

  @Test
  void should_close_without_ever_making_threads() {
    UdfExecutor executor = executor(timeouts(0, 1500, UdfTimeouts.Policy.DIE), System::nanoTime);

    executor.close();

    assertThat(executor.started()).isFalse();
  }

  @Test
  void should_fail_an_endless_body_with_cassandras_timeout_message_and_free_its_thread() throws Exception {
    UdfExecutor executor = executor(timeouts(0, 50, UdfTimeouts.Policy.DIE), System::nanoTime);
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "while (true) { a0++; }");

    assertThatThrownBy(() -> run(executor, f, NativeType.INT.encode(1)))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.f : (int) -> int"
            + " ran longer than 50ms - will stop Cassandra VM");
    assertThat(executor.shutdownAndAwait(Duration.ofSeconds(30))).as("the runaway body ended").isTrue();
  }

  @Test
  void should_stop_a_body_that_catches_every_throwable_in_nested_loops() throws Exception {
    UdfExecutor executor = executor(timeouts(0, 50, UdfTimeouts.Policy.IGNORE), System::nanoTime);
    UserFunction f = fn(List.of(NativeType.BIGINT, new ListType(NativeType.TEXT, false)), NativeType.DOUBLE,
        "double d = 0.5; long n = a0; String s = \"x\";\n"
            + "for (;;) { try { do { n++; d += n; } while (s.length() > 0 && a1.size() >= 0); }"
            + " catch (Throwable t) { s = t.toString(); } }");

    assertThatThrownBy(() -> run(executor, f, NativeType.BIGINT.encode(1L),
        new ListType(NativeType.TEXT, false).encode(List.of("a"))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.f : (bigint, list<text>) -> double"
            + " ran longer than 50ms");
    assertThat(executor.shutdownAndAwait(Duration.ofSeconds(30))).as("the runaway body ended").isTrue();
  }

  @Test
  void should_run_guarded_loops_to_their_normal_result() {
    UdfExecutor executor = executor(UdfTimeouts.DEFAULTS, System::nanoTime);
    UserFunction f = fn(List.of(new ListType(NativeType.DOUBLE, false), NativeType.INT), NativeType.DOUBLE,
        "double s = 0; long k = 0;\n"
            + "for (int i = 0; i < a0.size(); i++) { for (Double d : a0) { s += d * i; } }\n"
            + "int j = a1; do { j--; k += 2; } while (j > 0);\n"
            + "while (k > 3) { k -= 3; if (k == 4) { continue; } }\n"
            + "return s + k;");

    ByteBuffer result = run(executor, f, new ListType(NativeType.DOUBLE, false).encode(List.of(1.0, 2.0)),
        NativeType.INT.encode(5));

    // s = (1 + 2) * 0 + (1 + 2) * 1 = 3; k = 10, then 7, 4, 1
    assertThat(NativeType.DOUBLE.decode(result)).isEqualTo(4.0);
    assertThat(executor.drainWarnings()).isEmpty();
  }

  @Test
  void should_warn_when_a_call_outlasts_the_warn_timeout_by_the_injected_time_source() {
    AtomicLong now = new AtomicLong();
    // each reading is 501 ms after the previous one: every call lasts 501 ms
    UdfExecutor executor = executor(timeouts(500, 60_000, UdfTimeouts.Policy.DIE),
        () -> now.getAndAdd(Duration.ofMillis(501).toNanos()));
    UserFunction f = fn(List.of(NativeType.TEXT), NativeType.TEXT, "return a0 + \"!\";");

    ByteBuffer result = run(executor, f, NativeType.TEXT.encode("hi"));

    assertThat(NativeType.TEXT.decode(result)).isEqualTo("hi!");
    assertThat(executor.drainWarnings())
        .containsExactly("User defined function ks.f : (text) -> text ran longer than 500ms");
    assertThat(executor.drainWarnings()).as("drained").isEmpty();
  }

  @Test
  void should_not_warn_at_the_warn_timeout_itself_nor_when_warnings_are_off() {
    AtomicLong now = new AtomicLong();
    UdfExecutor atTimeout = executor(timeouts(500, 60_000, UdfTimeouts.Policy.DIE),
        () -> now.getAndAdd(Duration.ofMillis(500).toNanos()));
    UdfExecutor off = executor(timeouts(0, 60_000, UdfTimeouts.Policy.DIE),
        () -> now.getAndAdd(Duration.ofSeconds(50).toNanos()));
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "return a0 + 1;");

    run(atTimeout, f, NativeType.INT.encode(1));
    run(off, f, NativeType.INT.encode(1));

    assertThat(atTimeout.drainWarnings()).isEmpty();
    assertThat(off.drainWarnings()).isEmpty();
  }

  @Test
  void should_leave_the_warn_timeout_warning_of_a_call_that_then_timed_out() throws Exception {
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "unused");
    UdfExecutor warning = new UdfExecutor(timeouts(10, 50, UdfTimeouts.Policy.IGNORE), System::nanoTime, id -> -1);
    UdfExecutor silent = new UdfExecutor(timeouts(0, 50, UdfTimeouts.Policy.IGNORE), System::nanoTime, id -> -1);
    executors.add(warning);
    executors.add(silent);

    for (UdfExecutor executor : List.of(warning, silent)) {
      // never released: it fails at the fail timeout, having passed the warn timeout on the way (as in 5.0)
      assertThatThrownBy(() -> executor.execute(f, blocked(f, new BlockedBody()), List.of(NativeType.INT.encode(1))))
          .isInstanceOf(UdfFailure.class);
    }

    assertThat(warning.drainWarnings()).containsExactly("User defined function ks.f : (int) -> int ran longer than 10ms");
    assertThat(silent.drainWarnings()).as("a zero warn timeout never warns").isEmpty();
  }

  @Test
  void should_report_a_body_exception_unchanged() {
    UdfExecutor executor = executor(UdfTimeouts.DEFAULTS, System::nanoTime);
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "return 1 / (a0 - a0);");

    assertThatThrownBy(() -> run(executor, f, NativeType.INT.encode(3)))
        .isInstanceOf(UdfFailure.class).hasMessage("java.lang.ArithmeticException: / by zero");
  }

  @Test
  void should_refuse_timeouts_cassandra_would_refuse() {
    assertThatThrownBy(() -> timeouts(-1, 10, UdfTimeouts.Policy.DIE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timeouts(0, 0, UdfTimeouts.Policy.DIE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> timeouts(20, 10, UdfTimeouts.Policy.DIE)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A stand-in body (no compiled source): waits until released, then answers its argument plus one. */
  public static final class BlockedBody {
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    public Integer execute(Integer x) throws InterruptedException {
      release.await();
      return x + 1;
    }
  }

  private static CompiledUdf blocked(UserFunction f, BlockedBody body) throws NoSuchMethodException {
    return new CompiledUdf(f, body, BlockedBody.class.getMethod("execute", Integer.class), null, null, null);
  }

  @Test
  void should_give_a_call_that_used_little_cpu_a_last_wait_of_the_fail_timeout_minus_its_cpu_time() throws Exception {
    BlockedBody body = new BlockedBody();
    AtomicLong readings = new AtomicLong();
    // first reading (the call starts): 0 ns; second (the fail timeout passed): 10 ms of CPU, and the
    // body is released, so it ends within the last wait of 1000 - 10 ms
    UdfExecutor executor = new UdfExecutor(timeouts(0, 1000, UdfTimeouts.Policy.DIE), System::nanoTime, id -> {
      if (readings.incrementAndGet() == 2) {
        body.release.countDown();
        return Duration.ofMillis(10).toNanos();
      }
      return 0;
    });
    executors.add(executor);
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "unused");

    ByteBuffer result = executor.execute(f, blocked(f, body), List.of(NativeType.INT.encode(41)));

    assertThat(NativeType.INT.decode(result)).isEqualTo(42);
    assertThat(readings.get()).isEqualTo(2);
  }

  @Test
  void should_fail_at_the_fail_timeout_a_call_that_used_its_cpu_time_or_whose_cpu_time_is_unknown() throws Exception {
    UserFunction f = fn(List.of(NativeType.INT), NativeType.INT, "unused");
    AtomicLong readings = new AtomicLong();
    UdfExecutor busy = new UdfExecutor(timeouts(0, 50, UdfTimeouts.Policy.IGNORE), System::nanoTime,
        id -> readings.incrementAndGet() == 1 ? 0 : Duration.ofMillis(50).toNanos());
    UdfExecutor unknown = new UdfExecutor(timeouts(0, 50, UdfTimeouts.Policy.IGNORE), System::nanoTime, id -> -1);
    executors.add(busy);
    executors.add(unknown);

    for (UdfExecutor executor : List.of(busy, unknown)) {
      // never released: only the interrupt at the timeout ends it
      assertThatThrownBy(() -> executor.execute(f, blocked(f, new BlockedBody()), List.of(NativeType.INT.encode(1))))
          .isInstanceOf(UdfFailure.class)
          .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.f : (int) -> int"
              + " ran longer than 50ms");
      assertThat(executor.shutdownAndAwait(Duration.ofSeconds(30))).as("the blocked body was interrupted").isTrue();
    }
  }
}
