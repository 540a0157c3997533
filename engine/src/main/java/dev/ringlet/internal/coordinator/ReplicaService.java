package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's replica side: applies mutations and hints, answers data, digest and range reads from
 * its own stores, truncates and drops columns. The coordinator calls the same methods directly for
 * its own replica, without a message.
 */
public final class ReplicaService {

  private final Supplier<Schema> schema;
  private final Function<TableMetadata, TableStore> local;

  public ReplicaService(Supplier<Schema> schema, Function<TableMetadata, TableStore> local) {
    this.schema = schema;
    this.local = local;
  }

  /** Registers the replica verbs' handlers. */
  public void register(MessagingEndpoint endpoint) {
    endpoint.handle(Verb.MUTATION, m -> apply((Payloads.Mutation) m.payload()));
    endpoint.handle(Verb.HINT, m -> apply((Payloads.Mutation) m.payload()));
    endpoint.handle(Verb.READ, m -> read((Payloads.Read) m.payload()));
    endpoint.handle(Verb.RANGE_READ, m -> range((Payloads.RangeRead) m.payload()));
    endpoint.handle(Verb.TRUNCATE, m -> truncate((Payloads.Truncate) m.payload()));
    endpoint.handle(Verb.DROP_COLUMN, this::dropColumn);
    endpoint.handle(Verb.STREAM, m -> stream((Payloads.RangesRequest) m.payload()));
    endpoint.handle(Verb.REPAIR_VALIDATE, m -> validate((Payloads.RangesRequest) m.payload()));
  }

  /** Every partition of the table within the ranges, as stored (deleted ones included). */
  Payloads.RangeAnswer stream(Payloads.RangesRequest r) {
    List<PartitionUpdate> out = new ArrayList<>();
    Iterator<PartitionUpdate> it = store(r.tableId()).scanRaw(null, true);
    while (it.hasNext()) {
      PartitionUpdate p = it.next();
      if (dev.ringlet.internal.cluster.TokenRange.anyContains(r.ranges(), p.key().token())) {
        out.add(p);
      }
    }
    return new Payloads.RangeAnswer(out);
  }

  /** The digest of every partition of the table within the ranges, in token order. */
  Payloads.Validation validate(Payloads.RangesRequest r) {
    List<Payloads.KeyDigest> out = new ArrayList<>();
    for (PartitionUpdate p : stream(r).partitions()) {
      out.add(new Payloads.KeyDigest(p.key(), Digests.of(p)));
    }
    return new Payloads.Validation(out);
  }

  /** The node's current schema. */
  Schema schema() {
    return schema.get();
  }

  Payloads.Ack apply(Payloads.Mutation m) {
    store(m.tableId()).apply(m.update());
    return Payloads.Ack.OK;
  }

  Payloads.ReadAnswer read(Payloads.Read r) {
    PartitionUpdate data = store(r.tableId()).readRaw(r.key());
    long digest = Digests.of(data);
    return r.digestOnly() ? new Payloads.ReadAnswer(null, digest, true) : new Payloads.ReadAnswer(data, digest, false);
  }

  Payloads.RangeAnswer range(Payloads.RangeRead r) {
    List<PartitionUpdate> out = new ArrayList<>();
    Iterator<PartitionUpdate> it = store(r.tableId()).scanRaw(r.from(), r.inclusive());
    while (it.hasNext()) {
      out.add(it.next());
    }
    return new Payloads.RangeAnswer(out);
  }

  Payloads.Ack truncate(Payloads.Truncate t) {
    store(t.tableId()).truncate();
    return Payloads.Ack.OK;
  }

  private Object dropColumn(Message m) {
    Payloads.DropColumn d = (Payloads.DropColumn) m.payload();
    store(d.tableId()).dropColumn(d.column(), d.timestampMicros());
    return Payloads.Ack.OK;
  }

  private TableStore store(UUID tableId) {
    TableMetadata table = table(schema.get(), tableId);
    if (table == null) {
      throw new IllegalStateException("unknown table id " + tableId + " (expected: a table of this node's schema)");
    }
    return local.apply(table);
  }

  static TableMetadata table(Schema schema, UUID tableId) {
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata t : ks.tables().values()) {
        if (t.id().equals(tableId)) {
          return t;
        }
      }
    }
    return null;
  }
}
