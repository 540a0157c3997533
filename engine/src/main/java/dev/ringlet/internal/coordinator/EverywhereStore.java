package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.Iterator;
import java.util.UUID;

/**
 * A replicated system table ({@code system_auth} and the like): every write is applied here and
 * sent to every other node (hinted for those down), every read is local, so each node can
 * authenticate on its own.
 */
final class EverywhereStore implements TableStore {

  private final TableStore own;
  private final TableMetadata table;
  private final Coordinator coordinator;

  EverywhereStore(TableStore own, TableMetadata table, Coordinator coordinator) {
    this.own = own;
    this.table = table;
    this.coordinator = coordinator;
  }

  @Override
  public void apply(PartitionUpdate update) {
    own.apply(update);
    Payloads.Mutation m = new Payloads.Mutation(table.id(), update);
    for (UUID node : coordinator.ring.get().endpoints().keySet()) {
      if (node.equals(coordinator.self.hostId())) {
        continue;
      }
      if (coordinator.alive.test(node)) {
        coordinator.messaging.tell(node, Verb.MUTATION, m);
      } else {
        coordinator.hint(node, m);
      }
    }
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    return own.read(key, nowInSeconds);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    return own.scan(from, inclusive, nowInSeconds);
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    return own.readRaw(key);
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    return own.scanRaw(from, inclusive);
  }

  @Override
  public void truncate() {
    own.truncate();
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    own.dropColumn(column, timestampMicros);
  }
}
