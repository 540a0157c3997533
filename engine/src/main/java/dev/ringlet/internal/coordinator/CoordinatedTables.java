package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.RequestTables;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.TableStore;
import java.util.function.Supplier;

/**
 * The tables a request sees on a node of a multi-node cluster. Keyspaces with LocalStrategy (and
 * the generated system tables) are served from the node's own stores; the other system keyspaces
 * ({@code system_auth}, {@code system_distributed}, {@code system_traces}) are kept everywhere:
 * written to every live node, read locally; user keyspaces go through the {@link Coordinator}.
 */
public final class CoordinatedTables implements RequestTables {

  private final Supplier<Schema> schema;
  private final TableSource local;
  private final Coordinator coordinator;
  private final ReadCoordinator reads;
  private final PaxosCoordinator paxos;

  public CoordinatedTables(Supplier<Schema> schema, TableSource local, Coordinator coordinator, PaxosCoordinator paxos) {
    this.schema = schema;
    this.local = local;
    this.coordinator = coordinator;
    this.reads = new ReadCoordinator(coordinator);
    this.paxos = paxos;
  }

  @Override
  public TableSource forRequest(ConsistencyLevel consistency, WriteType writeType) {
    return table -> store(table, consistency, writeType);
  }

  /** The source for schema-wide operations (TRUNCATE, ALTER TABLE DROP): every node. */
  public TableSource everyNode() {
    return table -> store(table, ConsistencyLevel.ALL, WriteType.SIMPLE);
  }

  private TableStore store(TableMetadata table, ConsistencyLevel consistency, WriteType writeType) {
    TableStore own = local.store(table);
    KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
    if (ks == null || ks.replication().strategyClass().equals(ReplicationParams.LOCAL)
        || dev.ringlet.internal.system.SystemKeyspaces.table(table.keyspace(), table.name()) != null) {
      return own;
    }
    if (SystemNames.isSystem(table.keyspace())) {
      return new EverywhereStore(own, table, coordinator);
    }
    ConsistencyLevel readLevel = consistency;
    if (consistency != null && consistency.isSerial() && writeType == WriteType.CAS) {
      // The Paxos round itself reads at the quorum level; this store only serves its writes.
      readLevel = consistency == ConsistencyLevel.SERIAL ? ConsistencyLevel.QUORUM : ConsistencyLevel.LOCAL_QUORUM;
    }
    return new CoordinatedStore(ks, table, own, coordinator, reads, paxos, readLevel, consistency,
        table.counter() && writeType == WriteType.SIMPLE ? WriteType.COUNTER : writeType);
  }
}
