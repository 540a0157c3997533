package dev.ringlet.internal.storage;

import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.commitlog.CommitLog;
import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.storage.commitlog.CommitLogReplayer;
import dev.ringlet.internal.storage.lsm.LsmTableStore;
import dev.ringlet.internal.storage.lsm.StorageEnvironment;
import dev.ringlet.internal.storage.lsm.TableOptions;
import dev.ringlet.internal.storage.sstable.Directory;
import dev.ringlet.internal.storage.sstable.FileDirectory;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import dev.ringlet.internal.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A node's table stores, by table id, and what they share: the commit log and background threads
 * ({@link StorageEnvironment}). In durable mode tables live in {@code <dir>/data/<keyspace>/<table>-<id>/}
 * and the commit log in {@code <dir>/commitlog/}; {@link #recover} replays the log after the schema
 * is known, and {@link #close} flushes everything.
 */
public final class Storage implements AutoCloseable {

  private final StorageConfig config;
  private volatile StorageEnvironment env;
  private volatile java.util.function.BiConsumer<FailurePolicy, RuntimeException> failureListener = (policy, cause) -> { };
  private final Map<UUID, TableStore> tables = new ConcurrentHashMap<>();
  /** Moves on whenever stores are dropped or replaced (stop, crash, restart, drop): see {@link #generation}. */
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
  /** Ids of tables in the previous run → their id now, for commit-log replay. */
  private final Map<UUID, UUID> aliases = new ConcurrentHashMap<>();
  /** True until {@link #recover} ran: only tables opened at start adopt the previous run's directories. */
  private volatile boolean recovering = true;

  /** In memory, with the system clock. */
  public Storage() {
    this(StorageConfig.inMemory(Clock.system()));
  }

  public Storage(StorageConfig config) {
    this.config = config;
    if (config.durable()) {
      config.disk().prepareDataDirectory(config.directory());
    }
    this.env = openEnvironment();
  }

  private StorageEnvironment openEnvironment() {
    CommitLog log = null;
    if (config.durable()) {
      try {
        log = CommitLog.open(CommitLogOptions.defaults(config.directory().resolve("commitlog"), config.sync()), config.clock(),
            config.clockDrivenSync(), config.disk());
      } catch (IOException e) {
        throw new StorageStartupException("Cannot open the commit log in " + config.directory().resolve("commitlog") + ": "
            + e.getMessage(), e);
      }
      CommitLog l = log;
      log.onPressure(ids -> {
        for (UUID id : ids) {
          TableStore t = tables.get(id);
          if (t instanceof LsmTableStore) {
            ((LsmTableStore) t).requestFlush(); // never inline: the writer holds its table's switch lock
          } else {
            l.forget(id);
          }
        }
      });
    }
    return new StorageEnvironment(config.clock(), log, config.memtableThresholdBytes(), config.autoCompaction(),
        config.commitFailurePolicy(), config.diskFailurePolicy(), (policy, cause) -> failureListener.accept(policy, cause),
        new dev.ringlet.internal.storage.sstable.ChunkCache(config.chunkCacheBytes()));
  }

  /**
   * Who is told when a failure policy other than IGNORE stops this storage (once): the node, which
   * stops its transports or exits.
   */
  public void onFailure(java.util.function.BiConsumer<FailurePolicy, RuntimeException> listener) {
    this.failureListener = listener;
  }

  /** Whether a failure policy stopped this storage. */
  public boolean stopped() {
    return env.stopped();
  }

  /** The clock moved: a clock-driven PERIODIC commit log syncs when its period has passed. */
  public void tick() {
    CommitLog log = env.commitLog();
    if (log != null) {
      log.syncIfDue();
    }
  }

  /**
   * Durable mode: takes the node's storage down as a stop ({@code crash} false: every table
   * flushed, the commit log synced) or as a crash (nothing flushed, the commit log cut back to what
   * was synced, memtables lost), so that {@link #restart} recovers it from its files as a new
   * process would. In memory there is nothing to take down: the data stays as it is.
   */
  public void shutDown(boolean crash) {
    if (!config.durable()) {
      return;
    }
    if (!crash && !env.stopped()) {
      close();
    } else {
      try {
        for (LsmTableStore t : lsmStores()) {
          t.close(false);
        }
      } finally {
        env.close();
        CommitLog log = env.commitLog();
        if (log != null) {
          log.crash();
        }
      }
    }
    tables.clear();
    generation.incrementAndGet();
  }

  /**
   * Durable mode, after {@link #shutDown}: opens the commit log again; the caller then opens every
   * table of the schema and calls {@link #recover}, as at start.
   */
  public void restart() {
    if (!config.durable()) {
      return;
    }
    tables.clear();
    aliases.clear();
    generation.incrementAndGet();
    recovering = true;
    env = openEnvironment();
  }

  /**
   * A number that changes whenever a store this storage handed out may no longer be the table's
   * store (the node stopped, crashed or restarted, a table was dropped): whoever keeps stores must
   * look them up again when it moved.
   */
  public long generation() {
    return generation.get();
  }

  public StorageConfig config() {
    return config;
  }

  /** The store of a table, created on first use with {@code factory}. */
  public TableStore table(UUID id, Supplier<TableStore> factory) {
    return tables.computeIfAbsent(id, k -> factory.get());
  }

  /**
   * The log-structured store of a user table, created on first use; {@code params} is read at every
   * flush and compaction, so ALTER TABLE applies to files written afterwards.
   */
  public TableStore table(TableMetadata table, ClusteringComparator comparator, Supplier<TableParams> params) {
    return tables.computeIfAbsent(table.id(), k -> {
      Directory dir = config.durable()
          ? new FileDirectory(tableDirectory(table), config.disk())
          : new MemoryDirectory(table.keyspace() + "/" + table.name());
      Map<String, Long> dropped = new HashMap<>();
      table.droppedColumns().forEach((name, d) -> dropped.put(name, d.droppedTimeMicros()));
      return new LsmTableStore(table.id(), table.keyspace() + "." + table.name(), comparator,
          () -> TableOptions.of(params.get()), dropped, dir, env);
    });
  }

  /**
   * {@code data/<keyspace>/<table>-<id>}. Table ids change across restarts (the schema is recreated
   * from CQL), so a table without its directory adopts the newest {@code <table>-*} one, and the old
   * id is remembered so the commit log's entries under it are replayed into this table.
   */
  private Path tableDirectory(TableMetadata table) {
    Path keyspace = config.directory().resolve("data").resolve(table.keyspace());
    Path dir = keyspace.resolve(table.name() + "-" + table.id().toString().replace("-", ""));
    try {
      if (recovering && !Files.isDirectory(dir) && Files.isDirectory(keyspace)) {
        adoptPrevious(table, keyspace, dir);
      }
      // created at once, so that a crash before the first flush still leaves the directory (and
      // with it the table's old id) for the commit-log replay to find
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the directory of " + table.keyspace() + "." + table.name() + ": " + e.getMessage(), e);
    }
    return dir;
  }

  private void adoptPrevious(TableMetadata table, Path keyspace, Path dir) throws IOException {
    try (Stream<Path> s = Files.list(keyspace)) {
      Path previous = s.filter(p -> {
        String n = p.getFileName().toString();
        return Files.isDirectory(p) && n.startsWith(table.name() + "-") && n.length() == table.name().length() + 33;
      }).max(java.util.Comparator.comparing(p -> {
        try {
          return Files.getLastModifiedTime(p);
        } catch (IOException e) {
          return java.nio.file.attribute.FileTime.fromMillis(0);
        }
      })).orElse(null);
      if (previous != null) {
        String hex = previous.getFileName().toString().substring(table.name().length() + 1);
        UUID old = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        Files.move(previous, dir);
        aliases.put(old, table.id());
      }
    }
  }

  public void drop(UUID id) {
    TableStore t = tables.remove(id);
    generation.incrementAndGet();
    if (t instanceof LsmTableStore) {
      LsmTableStore lsm = (LsmTableStore) t;
      lsm.drop();
      if (lsm.directory() instanceof FileDirectory) {
        try {
          Files.deleteIfExists(((FileDirectory) lsm.directory()).path()); // kept when it holds snapshots
        } catch (IOException e) {
          // a directory with snapshots stays, as in Cassandra
        }
      }
    }
  }

  /**
   * Replays the previous run's commit log into the stores opened so far (open every table of the
   * schema first), flushes what was replayed and deletes the old segments.
   */
  public CommitLogReplayer.Result recover() {
    try {
      return replay();
    } finally {
      recovering = false;
    }
  }

  private CommitLogReplayer.Result replay() {
    CommitLog log = env.commitLog();
    if (log == null || log.segmentsToReplay().isEmpty()) {
      return new CommitLogReplayer.Result(0, 0, null);
    }
    try {
      CommitLogReplayer.Result r = CommitLogReplayer.replay(log.segmentsToReplay(), id -> {
        TableStore t = tables.get(aliases.getOrDefault(id, id));
        return t instanceof LsmTableStore ? ((LsmTableStore) t).replayTarget() : null;
      }, Boolean.getBoolean(CommitLogReplayer.IGNORE_REPLAY_ERRORS_PROPERTY));
      flush();
      log.discardReplayed();
      return r;
    } catch (CommitLogReplayer.CommitLogReplayException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("commit log replay failed: " + e.getMessage(), e);
    }
  }

  private List<LsmTableStore> lsmStores() {
    List<LsmTableStore> out = new ArrayList<>();
    for (TableStore t : tables.values()) {
      if (t instanceof LsmTableStore) {
        out.add((LsmTableStore) t);
      }
    }
    return out;
  }

  private LsmTableStore lsm(UUID id) {
    TableStore t = tables.get(id);
    return t instanceof LsmTableStore ? (LsmTableStore) t : null;
  }

  /** Flushes every table's memtable. */
  public void flush() {
    for (LsmTableStore t : lsmStores()) {
      t.flush();
    }
  }

  public void flush(UUID table) {
    LsmTableStore t = lsm(table);
    if (t != null) {
      t.flush();
    }
  }

  /** Flushes then runs a major compaction on the table. */
  public void compact(UUID table) {
    LsmTableStore t = lsm(table);
    if (t != null) {
      t.flush();
      t.compactMajor();
    }
  }

  public void compact() {
    for (LsmTableStore t : lsmStores()) {
      t.flush();
      t.compactMajor();
    }
  }

  /** The table's figures, or null when it has no store yet. */
  public TableStats stats(UUID table) {
    LsmTableStore t = lsm(table);
    return t == null ? null : t.stats();
  }

  /**
   * Flushes every table and hard-links its SSTables into {@code snapshots/<tag>/} in its directory;
   * returns the number of tables snapshotted. Needs a data directory.
   */
  public int snapshot(String tag) {
    requireDurable("snapshot");
    requireTag(tag);
    int count = 0;
    for (LsmTableStore t : lsmStores()) {
      t.flush();
      Path dir = ((FileDirectory) t.directory()).path();
      Path target = dir.resolve("snapshots").resolve(tag);
      if (Files.exists(target)) {
        throw new IllegalArgumentException("snapshot " + tag + " already exists in " + dir);
      }
      List<SSTableReader> sstables = t.referencedSSTables();
      try {
        Files.createDirectories(target);
        for (SSTableReader s : sstables) {
          String prefix = "rg-" + s.generation() + "-";
          try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
              if (f.getFileName().toString().startsWith(prefix)) {
                Files.createLink(target.resolve(f.getFileName()), f);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("snapshot " + tag + " of " + t.name() + " failed: " + e.getMessage(), e);
      } finally {
        for (SSTableReader s : sstables) {
          s.unref();
        }
      }
      count++;
    }
    return count;
  }

  /**
   * Replaces the data of every table that has snapshot {@code tag} with the snapshot's (the
   * table is truncated, then the snapshot's SSTables are linked back in); returns the tables restored.
   */
  public int restoreSnapshot(String tag) {
    requireDurable("restoreSnapshot");
    requireTag(tag);
    int count = 0;
    for (LsmTableStore t : lsmStores()) {
      Path dir = ((FileDirectory) t.directory()).path();
      Path source = dir.resolve("snapshots").resolve(tag);
      if (!Files.isDirectory(source)) {
        continue;
      }
      t.truncate();
      Map<Long, Long> renumbered = new HashMap<>();
      try (Stream<Path> files = Files.list(source)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          long g = dev.ringlet.internal.storage.sstable.Component.generationOf(name);
          if (g < 0) {
            continue;
          }
          long fresh = renumbered.computeIfAbsent(g, k -> t.nextGeneration());
          String suffix = name.substring(("rg-" + g + "-").length());
          Files.createLink(dir.resolve("rg-" + fresh + "-" + suffix), f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("restore of snapshot " + tag + " of " + t.name() + " failed: " + e.getMessage(), e);
      }
      t.addSSTables(new ArrayList<>(renumbered.values()));
      count++;
    }
    return count;
  }

  private void requireDurable(String operation) {
    if (!config.durable()) {
      throw new UnsupportedOperationException(operation + ": snapshots are hard links to SSTable files and need a data "
          + "directory (this node keeps its data in memory)");
    }
  }

  private static void requireTag(String tag) {
    if (tag == null || !tag.matches("[A-Za-z0-9_.-]+") || tag.startsWith(".")) {
      throw new IllegalArgumentException("snapshot tag: " + tag + " (expected: letters, digits, '_', '-', '.')");
    }
  }

  /**
   * Stops background work; in durable mode flushes every table first, so the next start replays
   * nothing (unless a failure policy stopped the storage: then the commit log keeps what it holds).
   */
  @Override
  public void close() {
    boolean flush = config.durable() && !env.stopped();
    try {
      for (LsmTableStore t : lsmStores()) {
        t.close(flush);
      }
    } finally {
      env.close();
      CommitLog log = env.commitLog();
      if (log != null) {
        log.close();
      }
    }
  }
}
