package dev.ringlet.bench;

import dev.ringlet.bench.cli.Args;
import dev.ringlet.bench.load.LoadCommand;
import dev.ringlet.bench.load.LoadOptions;
import dev.ringlet.bench.report.ReportWriter;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.startup.FootprintCommand;
import dev.ringlet.bench.startup.JarStartupCommand;
import dev.ringlet.bench.startup.StartupCommand;
import dev.ringlet.bench.suite.SuiteCommand;
import dev.ringlet.bench.suite.SuiteOptions;
import dev.ringlet.bench.target.TargetKind;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar benchmarks/target/ringlet-benchmarks.jar <command> [--option value ...]}; see
 * docs/benchmarks.md for every command and option.
 */
public final class BenchMain {

  private static final String USAGE = String.join("\n",
      "Usage: java -jar ringlet-benchmarks.jar <command> [options]",
      "  load        driver load: --targets noop,ringlet,jar,cassandra --workloads insert,select,slice,scan,lwt,batch",
      "              --concurrency 128 --requests 50000 --warmup 20000 --partitions 10000 [--start-cassandra]",
      "              [--durable: the in-JVM node in a temporary data directory, flushed once populated] [--file-cache-mb N]",
      "  startup     Ringlet.start() and driver session, first in this JVM then --later N more; --phases: a time",
      "              line of the first start's one-time work instead",
      "  jar-startup java -jar ringlet.jar to its ready line, --runs N",
      "  footprint   retained heap per idle node, --nodes N",
      "  suite       test-suite workload: --tables 50 --tests 200 --reset-tables 5 --target ringlet|cassandra",
      "              [--start-cassandra] [--schema-window-ms 10] [--schema-max-events 2] [--config-loader map|file] [--server-ddl-only]",
      "              [--reset auto|truncate|truncate-concurrent|cluster: between tests, the engine empties the keyspace",
      "              (in-JVM Ringlet, as the JUnit extension; auto's choice there) or one TRUNCATE per table through the",
      "              driver, one after another (auto's choice elsewhere) or all in flight at once]",
      "              [--setup tests|script: the DDL through the tests' session, or as the JUnit extension runs a",
      "              schema script: a session without schema metadata, then the tests' session]",
      "  storage     storage engine: --partitions 2000 --rows 200 --value-bytes 100 --memtable-mb 8 --reads 20000 [--file-cache-mb N]",
      "              --slice-rows 20 [--memory]: write throughput, compaction, point/slice read p50/p99, heap",
      "  cluster     3-node and 6-node (dc1:3, dc2:3) clusters: start to ready and to a connected session, first and",
      "              --later 5 more; heap per idle node (--heap-clusters 2); RF=3 QUORUM insert/select --load-shapes 3",
      "              --requests 50000 --warmup 20000 --concurrency 128 --partitions 10000",
      "  soak        mixed load on in-JVM Ringlet for --minutes 10 at --concurrency 32, heap after GC every",
      "              --sample-seconds 60 (--partitions 10000): is memory bounded?",
      "  report      --results FILE [--jmh FILE.csv] --out FILE.md: medians and ratios as markdown",
      "Every command takes --results FILE to append its measurements.",
      "");

  private BenchMain() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0 || argv[0].equals("--help")) {
      System.out.print(USAGE);
      return;
    }
    Args args = new Args(Arrays.asList(argv).subList(1, argv.length));
    try {
      Runnable command = command(argv[0], args);
      args.requireAllUsed();
      command.run();
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
    System.exit(0);
  }

  private static Runnable command(String name, Args args) {
    return switch (name) {
      case "load" -> {
        LoadCommand c = new LoadCommand(LoadOptions.parse(args));
        yield unchecked(c::run);
      }
      case "startup" -> {
        StartupCommand c = new StartupCommand(args.integer("later", 10, 0), args.flag("phases"), sink(args));
        yield c::run;
      }
      case "jar-startup" -> {
        JarStartupCommand c = new JarStartupCommand(LoadOptions.targetOptions(args).ringletJar(),
            args.integer("runs", 5, 1), sink(args));
        yield c::run;
      }
      case "footprint" -> {
        FootprintCommand c = new FootprintCommand(args.integer("nodes", 20, 1), sink(args));
        yield unchecked(c::run);
      }
      case "suite" -> {
        SuiteOptions o = new SuiteOptions(TargetKind.parse(args.string("target", "ringlet")),
            args.integer("tables", 50, 1), args.integer("tests", 200, 0), args.integer("reset-tables", 5, 1),
            args.integer("rows", 3, 1), args.integer("default-session-ddls", 3, 0), args.integer("schema-window-ms", 10, 0),
            args.integer("schema-max-events", 2, 1), configLoader(args.string("config-loader", "map")),
            dev.ringlet.bench.suite.SuiteReset.parse(args.string("reset", "auto")),
            dev.ringlet.bench.suite.SuiteSetup.parse(args.string("setup", "tests")), LoadOptions.targetOptions(args));
        SuiteCommand c = new SuiteCommand(o, sink(args));
        boolean serverDdlOnly = args.flag("server-ddl-only");
        yield () -> c.run(serverDdlOnly);
      }
      case "storage" -> {
        dev.ringlet.bench.storage.StorageCommand c = new dev.ringlet.bench.storage.StorageCommand(
            args.integer("partitions", 2000, 1), args.integer("rows", 200, 1), args.integer("value-bytes", 100, 1),
            args.integer("memtable-mb", 8, 1), args.integer("reads", 20000, 1), args.integer("slice-rows", 20, 1),
            args.flag("memory"), args.integer("file-cache-mb", -1, -1) * 1024L * 1024L, sink(args));
        yield unchecked(c::run);
      }
      case "cluster" -> {
        String shapes = args.string("load-shapes", "3");
        dev.ringlet.bench.cluster.ClusterCommand c = new dev.ringlet.bench.cluster.ClusterCommand(
            new dev.ringlet.bench.cluster.ClusterCommand.Options(args.integer("later", 5, 0), args.integer("heap-clusters", 2, 1),
                shapes.isBlank() || shapes.equals("none") ? List.of()
                    : Arrays.stream(shapes.split(",")).map(dev.ringlet.bench.cluster.ClusterCommand.Shape::parse).toList(),
                args.integer("requests", 50_000, 1), args.integer("warmup", 20_000, 0), args.integer("concurrency", 128, 1),
                args.integer("partitions", 10_000, 1)),
            sink(args));
        yield unchecked(c::run);
      }
      case "soak" -> {
        dev.ringlet.bench.load.SoakCommand c = new dev.ringlet.bench.load.SoakCommand(args.integer("minutes", 10, 1),
            args.integer("concurrency", 32, 1), args.integer("partitions", 10_000, 100), args.integer("sample-seconds", 60, 5),
            sink(args));
        yield unchecked(c::run);
      }
      case "report" -> {
        ReportWriter c = new ReportWriter(args.path("results", null), args.path("jmh", null), args.path("out", null),
            args.string("title", "Ringlet benchmarks"));
        yield unchecked(c::write);
      }
      default -> throw new IllegalArgumentException("command: " + name + " (expected: one of "
          + List.of("load", "startup", "jar-startup", "footprint", "suite", "storage", "cluster", "soak", "report") + ")");
    };
  }

  /** {@code map}: the driver's built-in defaults; {@code file}: its reference.conf, parsed. */
  private static boolean configLoader(String kind) {
    if (!kind.equals("map") && !kind.equals("file")) {
      throw new IllegalArgumentException("--config-loader: " + kind + " (expected: map or file)");
    }
    return kind.equals("map");
  }

  private static ResultSink sink(Args args) {
    return new ResultSink(args.path("results", null));
  }

  /** A measurement that may be interrupted. */
  @FunctionalInterface
  interface Measurement {
    void run() throws Exception;
  }

  private static Runnable unchecked(Measurement m) {
    return () -> {
      try {
        m.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
