package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.UUID;

/**
 * A replicated system table ({@code system_auth} and the like): every write is applied here and
 * sent to every other node (hinted for those down), every read is local, so each node can
 * authenticate on its own.
 */
final class EverywhereStore extends ForwardingTableStore {

  private final TableMetadata table;
  private final Coordinator coordinator;

  EverywhereStore(TableStore own, TableMetadata table, Coordinator coordinator) {
    super(own);
    this.table = table;
    this.coordinator = coordinator;
  }

  @Override
  public void apply(PartitionUpdate update) {
    super.apply(update);
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
}
