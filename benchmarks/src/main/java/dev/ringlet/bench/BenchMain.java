package dev.ringlet.bench;

import dev.ringlet.bench.cli.Args;
import dev.ringlet.bench.load.LoadCommand;
import dev.ringlet.bench.load.LoadOptions;
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
      "  startup     Ringlet.start() and driver session, first in this JVM then --later N more",
      "  jar-startup java -jar ringlet.jar to its ready line, --runs N",
      "  footprint   retained heap per idle node, --nodes N",
      "  suite       test-suite workload: --tables 50 --tests 200 --reset-tables 5 --target ringlet|cassandra",
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
      default -> throw new IllegalArgumentException("command: " + name + " (expected: one of "
          + List.of("load", "startup", "jar-startup", "footprint", "suite", "report") + ")");
    };
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
