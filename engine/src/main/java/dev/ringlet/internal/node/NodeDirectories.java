package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.storage.DiskAccess;
import dev.ringlet.internal.storage.StorageConfig;
import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.time.Clock;
import java.nio.file.Path;

/**
 * Where durable nodes keep their files: each node of a cluster in its own {@code node-<host id>}
 * directory under the cluster's data directory (a process of a multi-process cluster has one such
 * directory under its own {@code --data-dir}). In a node's directory: {@code system.local} (its
 * identity, {@link LocalState}), {@code schema.cql}, {@code commitlog/}, {@code data/}, {@code hints/}
 * and {@code batchlog/}.
 */
final class NodeDirectories {

  private NodeDirectories() {}

  static Path of(Path dataDirectory, java.util.UUID hostId) {
    return dataDirectory.resolve("node-" + hostId);
  }

  /**
   * Checks the node's directory (creating it), then returns the node as it was before (host id and
   * tokens from {@code system.local}, cluster name, datacenter and rack checked), saving its state
   * on a first start.
   */
  static NodeConfig restore(Path nodeDirectory, NodeConfig configured, DiskAccess disk) {
    disk.prepareDataDirectory(nodeDirectory);
    LocalState saved = LocalState.load(nodeDirectory);
    if (saved == null) {
      LocalState.of(configured).save(nodeDirectory);
      return configured;
    }
    return saved.restore(configured);
  }

  /** How a node of {@code spec} stores data in {@code nodeDirectory} (null: in memory). */
  static StorageConfig storage(ClusterSpec spec, Path nodeDirectory, Clock clock, boolean manualClock, DiskAccess disk) {
    if (nodeDirectory == null) {
      return StorageConfig.inMemory(clock);
    }
    return StorageConfig.durable(nodeDirectory, CommitLogOptions.Sync.valueOf(spec.commitLogSync().name()), clock)
        .withClockDrivenSync(manualClock).withDisk(disk);
  }
}
