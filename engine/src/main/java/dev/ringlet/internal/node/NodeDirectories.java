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

  /**
   * The directory of the one node a process keeps under its own data directory: the
   * {@code node-*} directory that already holds a node (whatever its address is now), else a new one
   * for {@code hostId}.
   */
  static Path find(Path dataDirectory, java.util.UUID hostId, DiskAccess disk) {
    disk.prepareDataDirectory(dataDirectory);
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dataDirectory)) {
      java.util.List<Path> nodes = s.filter(p -> p.getFileName().toString().startsWith("node-")
          && java.nio.file.Files.exists(p.resolve(LocalState.FILE))).sorted().toList();
      if (nodes.size() > 1) {
        throw new dev.ringlet.internal.storage.StorageStartupException("Data directory " + dataDirectory + " holds "
            + nodes.size() + " nodes " + nodes + " (expected: at most one node per process)");
      }
      return nodes.isEmpty() ? of(dataDirectory, hostId) : nodes.get(0);
    } catch (java.io.IOException e) {
      throw new dev.ringlet.internal.storage.StorageStartupException("Cannot list data directory " + dataDirectory + ": "
          + e.getMessage(), e);
    }
  }

  /** How a node of {@code spec} stores data in {@code nodeDirectory} (null: in memory). */
  static StorageConfig storage(ClusterSpec spec, Path nodeDirectory, Clock clock, boolean manualClock, DiskAccess disk) {
    long cache = spec.fileCacheSize() < 0 ? dev.ringlet.internal.storage.sstable.ChunkCache.defaultCapacity() : spec.fileCacheSize();
    if (nodeDirectory == null) {
      return StorageConfig.inMemory(clock).withChunkCacheBytes(cache);
    }
    return StorageConfig.durable(nodeDirectory, CommitLogOptions.Sync.valueOf(spec.commitLogSync().name()), clock)
        .withClockDrivenSync(manualClock).withDisk(disk).withChunkCacheBytes(cache);
  }
}
