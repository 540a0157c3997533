package dev.ringlet.bench.target;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach or start targets.
 *
 * @param ringletJar the standalone jar for {@link TargetKind#JAR} (default {@code engine/target/ringlet.jar})
 * @param startCassandra whether {@link TargetKind#CASSANDRA} is started (and stopped) by this
 *     program through the reference scripts; when false it must already listen on 127.0.0.1:9142
 * @param referenceScripts the folder of {@code start.sh}, {@code wait-ready.sh}, {@code stop.sh}
 * @param durable {@link TargetKind#RINGLET} keeps its data in a temporary data directory (commit log
 *     and SSTable files, deleted at the end) instead of the heap, and is flushed once populated
 * @param fileCacheBytes the in-JVM Ringlet's chunk cache budget ({@code ClusterSpec.withFileCacheSize}),
 *     negative for its default
 */
public record TargetOptions(Path ringletJar, boolean startCassandra, Path referenceScripts, boolean durable,
    long fileCacheBytes) {

  public TargetOptions(Path ringletJar, boolean startCassandra, Path referenceScripts) {
    this(ringletJar, startCassandra, referenceScripts, false, -1);
  }

  public TargetOptions {
    Objects.requireNonNull(ringletJar, "ringletJar");
    Objects.requireNonNull(referenceScripts, "referenceScripts");
  }
}
