package dev.ringlet.bench.load;

import dev.ringlet.bench.cli.Args;
import dev.ringlet.bench.target.TargetKind;
import dev.ringlet.bench.target.TargetOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the load program does.
 *
 * @param targets servers to measure, in order (default {@code noop,ringlet})
 * @param workloads request kinds (default {@code insert,select})
 * @param concurrencies requests in flight, one measurement per value (default 128)
 * @param requests measured operations per workload and concurrency (default 50,000)
 * @param warmup unmeasured operations before each measurement (default 20,000)
 * @param partitions keys populated for the read workloads (default 10,000)
 * @param targetOptions where the jar and the reference scripts are
 * @param results where results are appended, or null
 */
public record LoadOptions(
    List<TargetKind> targets,
    List<Workload> workloads,
    List<Integer> concurrencies,
    int requests,
    int warmup,
    int partitions,
    TargetOptions targetOptions,
    Path results) {

  public LoadOptions {
    targets = List.copyOf(targets);
    workloads = List.copyOf(workloads);
    concurrencies = List.copyOf(concurrencies);
  }

  public static LoadOptions parse(Args args) {
    List<TargetKind> targets = Arrays.stream(args.string("targets", "noop,ringlet").split(","))
        .map(TargetKind::parse).toList();
    List<Workload> workloads = Workload.parseList(args.string("workloads", "insert,select"));
    List<Integer> concurrencies = Arrays.stream(args.string("concurrency", "128").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    for (int c : concurrencies) {
      if (c < 1 || c > 2048) {
        throw new IllegalArgumentException("--concurrency: " + c + " (expected: 1-2048)");
      }
    }
    return new LoadOptions(targets, workloads, concurrencies,
        args.integer("requests", 50_000, 1),
        args.integer("warmup", 20_000, 0),
        args.integer("partitions", 10_000, 100),
        targetOptions(args),
        args.path("results", null));
  }

  public static TargetOptions targetOptions(Args args) {
    return new TargetOptions(
        args.path("ringlet-jar", "engine/target/ringlet.jar"),
        args.flag("start-cassandra"),
        args.path("reference-scripts", "/work/shared/reference-cassandra"),
        args.flag("durable"),
        args.integer("file-cache-mb", -1, -1) * 1024L * 1024L);
  }
}
