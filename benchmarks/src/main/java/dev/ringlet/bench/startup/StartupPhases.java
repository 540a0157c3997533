package dev.ringlet.bench.startup;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.report.CpuClock;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.exec.functions.FunctionRegistry;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.wire.WireResources;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A time line of the first {@code Ringlet.start()} in a fresh JVM, without timers in the engine:
 * the one-time work the start pays for (loading and initialising classes) is done piece by piece
 * first, each piece timed on its own (wall and CPU of this thread), then {@code Ringlet.start()}
 * does the rest. Each piece is what the start itself would have paid for it; the sum is the first
 * start's cost. Run it in a fresh JVM, instead of {@code startup}.
 */
final class StartupPhases {

  private final ResultSink sink;

  StartupPhases(ResultSink sink) {
    this.sink = sink;
  }

  void run() {
    sink.add("startup/phases/jvm_to_main_ms", System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(),
        "ms");
    phase("md5_name_uuids", () -> UUID.nameUUIDFromBytes("host".getBytes(StandardCharsets.UTF_8)));
    phase("netty_event_loops", () -> WireResources.create(0).close());
    phase("system_keyspaces", SystemKeyspaces::keyspaces);
    phase("cql_parser", () -> CqlParser.parse("SELECT role FROM system_auth.roles LIMIT 1"));
    phase("function_registry", () -> FunctionRegistry.create(Clock.system()));
    RingletCluster[] first = new RingletCluster[1];
    phase("rest_of_ringlet_start", () -> first[0] = Ringlet.start(ClusterSpec.defaults()));
    first[0].close();
    phase("second_start", () -> Ringlet.start(ClusterSpec.defaults()).close());
  }

  private void phase(String name, Runnable work) {
    long t0 = System.nanoTime();
    long c0 = CpuClock.threadNanos();
    work.run();
    sink.add("startup/phases/" + name + "_ms", Stats.millis(System.nanoTime() - t0), "ms");
    sink.add("startup/phases/" + name + "_cpu_ms", Stats.millis(CpuClock.threadNanos() - c0), "ms");
  }
}
