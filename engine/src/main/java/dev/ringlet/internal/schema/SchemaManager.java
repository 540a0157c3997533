package dev.ringlet.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Holds a node's current schema snapshot and applies changes one at a time. Each change makes a
 * new snapshot whose version is derived from the previous version and the change, so that nodes
 * applying the same changes in the same order agree on the version.
 */
public final class SchemaManager {

  private volatile Schema current;
  private final List<Consumer<Schema>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Schema>> installListeners = new CopyOnWriteArrayList<>();

  public SchemaManager(Schema initial) {
    this.current = initial;
  }

  public Schema current() {
    return current;
  }

  /** Runs {@code listener} after every change, with the new snapshot. */
  public void onChange(Consumer<Schema> listener) {
    listeners.add(listener);
  }

  /**
   * Replaces the snapshot with one received from another node (version included), without
   * calling the listeners: they announce this node's own changes.
   */
  public synchronized void install(Schema snapshot) {
    current = snapshot;
    for (Consumer<Schema> l : installListeners) {
      l.accept(current);
    }
  }

  /** Runs {@code listener} after every {@link #install} (a durable node saves the schema it received). */
  public void onInstall(Consumer<Schema> listener) {
    installListeners.add(listener);
  }

  /**
   * Applies a change atomically with respect to other changes. {@code change} receives the
   * current snapshot and returns the new one (its version is replaced), or the same instance for
   * no change. Exceptions thrown by {@code change} leave the schema as it was.
   */
  public synchronized Schema apply(String description, UnaryOperator<Schema> change) {
    Schema before = current;
    Schema after = change.apply(before);
    if (after == before) {
      return before;
    }
    UUID version = UUID.nameUUIDFromBytes((before.version() + "|" + description).getBytes(StandardCharsets.UTF_8));
    current = new Schema(version, after.keyspaces());
    for (Consumer<Schema> l : listeners) {
      l.accept(current);
    }
    return current;
  }
}
