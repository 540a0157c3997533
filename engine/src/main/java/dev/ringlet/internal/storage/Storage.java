package dev.ringlet.internal.storage;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A node's table stores, by table id. */
public final class Storage {

  private final Map<UUID, TableStore> tables = new ConcurrentHashMap<>();

  /** The store of a table, created on first use with {@code factory}. */
  public TableStore table(UUID id, Supplier<TableStore> factory) {
    return tables.computeIfAbsent(id, k -> factory.get());
  }

  public void drop(UUID id) {
    tables.remove(id);
  }
}
