package dev.ringlet.internal.node;

import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.ddl.DdlExecutor;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A node's schema as DDL sees the cluster, and for a durable node its {@link SchemaFile}
 * ({@code schema.cql} beside its data): recreated when the node is built, rewritten on every change.
 * While it is being recreated, the datacenters its keyspaces name count as known: a process
 * restarting alone has not heard of the other datacenters' nodes yet.
 */
final class SavedSchema {

  private final Supplier<Map<String, Integer>> known;
  /** The saved keyspaces' datacenters while the file is being recreated; empty otherwise. */
  private volatile Set<String> restoring = Set.of();

  /** @param known the datacenters the node knows now, with their node counts */
  SavedSchema(Supplier<Map<String, Integer>> known) {
    this.known = known;
  }

  /** The datacenters DDL checks replication against: the known ones, and while restoring the saved ones too. */
  Map<String, Integer> datacenters() {
    Map<String, Integer> now = known.get();
    Set<String> saved = restoring;
    if (saved.isEmpty()) {
      return now;
    }
    Map<String, Integer> all = new HashMap<>(now);
    saved.forEach(dc -> all.putIfAbsent(dc, 1));
    return all;
  }

  /** Recreates the schema saved in {@code file} through the node's own DDL; null when there is none. */
  SchemaFile.Saved restore(Path file, QueryProcessor processor, SchemaManager schema, DdlExecutor ddl) {
    restoring = SchemaFile.datacenters(file);
    ddl.restoringSchema(true);
    try {
      return SchemaFile.load(file, processor, schema);
    } finally {
      ddl.restoringSchema(false);
      restoring = Set.of();
    }
  }

  /** From now on rewrites {@code file} whenever the schema changes or a newer one is installed. */
  void saveOnChange(Path file, SchemaManager schema, LongSupplier epoch) {
    schema.onChange(s -> save(file, schema, s, epoch));
    schema.onInstall(s -> save(file, schema, s, epoch));
  }

  private synchronized void save(Path file, SchemaManager schema, Schema s, LongSupplier epoch) {
    SchemaFile.write(file, schema.current() == s ? s : schema.current(), epoch.getAsLong());
  }
}
