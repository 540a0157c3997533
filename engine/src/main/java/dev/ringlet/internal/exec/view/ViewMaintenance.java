package dev.ringlet.internal.exec.view;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps a node's materialized views in step with the base writes its replicas apply: a base
 * table's local store is wrapped so that applying an update first reads the partition as stored
 * (read-before-write, under a lock striped by partition so two writes to one partition see each
 * other), computes the view mutations with {@link ViewUpdates}, applies the base update and hands
 * the view mutations to the {@link ViewWriter}.
 */
public final class ViewMaintenance {

  private static final int STRIPES = 64;

  private final Supplier<Schema> schema;
  private final Clock clock;
  private final Object[] locks = new Object[STRIPES];
  private volatile ViewWriter writer;

  /** @param writer where view mutations go (see {@link #writeTo}, for writers built after this) */
  public ViewMaintenance(Supplier<Schema> schema, Clock clock, ViewWriter writer) {
    this.schema = schema;
    this.clock = clock;
    this.writer = writer;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Sends view mutations to {@code newWriter} from now on (a cluster node's coordinator is built after its stores). */
  public void writeTo(ViewWriter newWriter) {
    this.writer = newWriter;
  }

  /** The table's local store, maintaining its views on every apply when it is a base table. */
  public TableStore wrap(TableMetadata table, TableStore store) {
    if (table.isView() || table.virtual()) {
      return store;
    }
    return new MaintainingStore(table, store);
  }

  private static List<TableMetadata> viewsOf(Schema schema, TableMetadata table) {
    KeyspaceMetadata ks = schema.keyspace(table.keyspace());
    return ks == null ? List.of() : ks.viewsOf(table.id());
  }

  /** The view mutations that the base partition's current content implies (the initial build). */
  public static List<PartitionUpdate> build(TableMetadata base, TableMetadata view, PartitionUpdate stored, long nowInSeconds) {
    return new ViewUpdates(base, view).compute(null, stored, nowInSeconds);
  }

  private record Resolved(Schema schema, TableMetadata base, List<TableMetadata> views) {}

  private final class MaintainingStore extends ForwardingTableStore {

    private final TableMetadata table;
    /** The views and base metadata of the schema seen last: schema snapshots are immutable, so they hold until it changes. */
    private volatile Resolved resolved;

    MaintainingStore(TableMetadata table, TableStore store) {
      super(store);
      this.table = table;
    }

    private Resolved resolve() {
      Schema current = schema.get();
      Resolved r = resolved;
      if (r == null || r.schema() != current) {
        TableMetadata now = current.table(table.keyspace(), table.name());
        TableMetadata base = now != null && now.id().equals(table.id()) ? now : table;
        r = new Resolved(current, base, viewsOf(current, table));
        resolved = r;
      }
      return r;
    }

    @Override
    public void apply(PartitionUpdate update) {
      Resolved r = resolve();
      List<TableMetadata> views = r.views();
      if (views.isEmpty()) {
        writes.apply(update);
        return;
      }
      TableMetadata base = r.base();
      List<TableMetadata> targets = new ArrayList<>();
      List<PartitionUpdate> mutations = new ArrayList<>();
      synchronized (locks[Math.floorMod(update.key().hashCode(), STRIPES)]) {
        PartitionUpdate existing = reads.readRaw(update.key());
        long now = clock.nowInSeconds();
        for (TableMetadata view : views) {
          for (PartitionUpdate m : new ViewUpdates(base, view).compute(existing, update, now)) {
            targets.add(view);
            mutations.add(m);
          }
        }
        writes.apply(update);
        for (int i = 0; i < mutations.size(); i++) {
          writer.write(targets.get(i), mutations.get(i));
        }
      }
    }
  }
}
