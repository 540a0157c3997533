package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.types.NativeType;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code system_schema} tables are rebuilt per keyspace after a schema change, reusing
 * the partitions of keyspaces that did not change: what a read sees must be exactly what a node
 * that never saw the earlier schemas generates from the current one; in a changed keyspace only the
 * changed tables' rows are encoded again.
 */
class SystemTableSourceTest {

  private static final List<String> SCHEMA_TABLES = List.of("keyspaces", "tables", "columns", "types", "indexes",
      "views", "functions", "aggregates", "dropped_columns", "column_masks", "triggers");

  private final AtomicReference<Schema> schema = new AtomicReference<>(initial());

  @Test
  void should_show_after_each_schema_change_what_a_fresh_node_generates_from_that_schema() {
    SystemTableSource incremental = source(schema);
    readAll(incremental); // the first generation, cached per keyspace
    schema.set(with(schema.get(), keyspace("shop", table("shop", "carts"))));
    assertSameAsFresh(incremental);
    schema.set(with(schema.get(), keyspace("shop", table("shop", "carts"), table("shop", "items"))));
    assertSameAsFresh(incremental);
    schema.set(with(schema.get(), keyspace("audit", table("audit", "events"))));
    assertSameAsFresh(incremental);
    schema.set(with(schema.get(), keyspace("shop", table("shop", "items"))));
    assertSameAsFresh(incremental);
    schema.set(without(schema.get(), "audit"));
    assertSameAsFresh(incremental);
    // a table that sorts first, then one of the tables changed in place (its rows differ, same name)
    schema.set(with(schema.get(), keyspace("shop", table("shop", "items"), table("shop", "aardvarks"))));
    assertSameAsFresh(incremental);
    schema.set(with(schema.get(), keyspace("shop", table("shop", "items", "v"), table("shop", "aardvarks"))));
    assertSameAsFresh(incremental);
    // ALTER TABLE ... DROP w: a dropped_columns row for one table only, then a new table beside it
    TableMetadata dropped = table("shop", "items", "v").withDroppedColumns(
        Map.of("w", new dev.ringlet.internal.schema.DroppedColumn("w", NativeType.TEXT, false, 1_000_000L)));
    schema.set(with(schema.get(), keyspace("shop", dropped, table("shop", "aardvarks"))));
    assertSameAsFresh(incremental);
    schema.set(with(schema.get(), keyspace("shop", dropped, table("shop", "aardvarks"), table("shop", "zebras"))));
    assertSameAsFresh(incremental);
  }

  @Test
  void should_encode_again_only_the_rows_of_the_table_that_changed() {
    schema.set(with(schema.get(), keyspace("shop", table("shop", "carts"), table("shop", "items"))));
    SystemTableSource source = source(schema);
    Map<String, List<LiveRow>> before = columnRows(source, "shop");

    schema.set(with(schema.get(), keyspace("shop", table("shop", "carts"), table("shop", "items", "v"),
        table("shop", "orders"))));
    Map<String, List<LiveRow>> after = columnRows(source, "shop");

    assertThat(after.get("carts")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(after.get("carts").get(i)).isSameAs(before.get("carts").get(i)); // reused as encoded
    }
    assertThat(after.get("items")).hasSize(3).isNotEqualTo(before.get("items")); // column w dropped
    assertThat(after.get("orders")).hasSize(3);
    assertThat(after.keySet()).containsExactly("carts", "items", "orders"); // clustering order
  }

  @Test
  void should_list_every_column_of_every_keyspace_once() {
    schema.set(with(schema.get(), keyspace("shop", table("shop", "carts"), table("shop", "items"))));
    SystemTableSource source = source(schema);
    TableStore columns = source.store(schema.get().table(SystemKeyspaces.SCHEMA, "columns"));
    int rows = 0;
    Map<String, Integer> byKeyspace = new HashMap<>();
    for (Iterator<LivePartition> it = columns.scan(null, true, 0); it.hasNext(); ) {
      LivePartition p = it.next();
      rows += p.rows().size();
      byKeyspace.merge(NativeType.TEXT.decode(p.key().key().duplicate()).toString(), p.rows().size(), Integer::sum);
    }
    int expected = 0;
    for (KeyspaceMetadata ks : schema.get().keyspaces().values()) {
      if (!ks.virtual()) {
        expected += ks.tables().values().stream().mapToInt(t -> t.columns().size()).sum();
      }
    }
    assertThat(rows).isEqualTo(expected);
    assertThat(byKeyspace).containsEntry("shop", 7).containsKey(SystemKeyspaces.SYSTEM);
  }

  @Test
  void should_refuse_writes_to_a_generated_schema_table() {
    TableStore keyspaces = source(schema).store(schema.get().table(SystemKeyspaces.SCHEMA, "keyspaces"));

    assertThatThrownBy(keyspaces::truncate).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("read-only");
  }

  private void assertSameAsFresh(SystemTableSource incremental) {
    SystemTableSource fresh = source(new AtomicReference<>(schema.get()));
    assertThat(readAll(incremental)).isEqualTo(readAll(fresh));
    assertThat(readAllRaw(incremental)).isEqualTo(readAllRaw(fresh));
  }

  private Map<String, List<PartitionUpdate>> readAllRaw(SystemTableSource source) {
    Map<String, List<PartitionUpdate>> out = new HashMap<>();
    for (String name : SCHEMA_TABLES) {
      List<PartitionUpdate> partitions = new ArrayList<>();
      source.store(schema.get().table(SystemKeyspaces.SCHEMA, name)).scanRaw(null, true).forEachRemaining(partitions::add);
      out.put(name, partitions);
    }
    return out;
  }

  /** {@code system_schema.columns} rows of the keyspace by table name, in the order read. */
  private Map<String, List<LiveRow>> columnRows(SystemTableSource source, String keyspace) {
    Map<String, List<LiveRow>> out = new java.util.LinkedHashMap<>();
    TableStore columns = source.store(schema.get().table(SystemKeyspaces.SCHEMA, "columns"));
    LivePartition p = columns.read(PartitionKeys.decorate(schema.get().table(SystemKeyspaces.SCHEMA, "columns"),
        List.of(NativeType.TEXT.encode(keyspace))), 0);
    for (LiveRow row : p.rows()) {
      String table = NativeType.TEXT.decode(row.clustering().values().get(0).duplicate()).toString();
      out.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }
    return out;
  }

  private Map<String, List<LivePartition>> readAll(SystemTableSource source) {
    Map<String, List<LivePartition>> out = new HashMap<>();
    for (String name : SCHEMA_TABLES) {
      List<LivePartition> partitions = new ArrayList<>();
      source.store(schema.get().table(SystemKeyspaces.SCHEMA, name)).scan(null, true, 0).forEachRemaining(partitions::add);
      out.put(name, partitions);
    }
    return out;
  }

  private static SystemTableSource source(AtomicReference<Schema> schema) {
    InetAddress address = InetAddress.getLoopbackAddress();
    UUID hostId = UUID.nameUUIDFromBytes("test".getBytes());
    return new SystemTableSource(new Storage(), schema::get, () -> new NodeInfo("c", "datacenter1", "rack1", "5.0.9", hostId,
        List.of(1L), address, 7000, address, 7000, address, 9042, schema.get().version()), List::of);
  }

  private static Schema initial() {
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    return new Schema(UUID.randomUUID(), keyspaces);
  }

  private static Schema with(Schema s, KeyspaceMetadata ks) {
    return s.with(ks, UUID.randomUUID());
  }

  private static Schema without(Schema s, String keyspace) {
    return s.without(keyspace, UUID.randomUUID());
  }

  private static KeyspaceMetadata keyspace(String name, TableMetadata... tables) {
    Map<String, TableMetadata> byName = new HashMap<>();
    for (TableMetadata t : tables) {
      byName.put(t.name(), t);
    }
    return new KeyspaceMetadata(name, true, ReplicationParams.simple(1), byName, Map.of(), false);
  }

  private static TableMetadata table(String keyspace, String name) {
    return name.equals("items") ? table(keyspace, name, "v", "w") : table(keyspace, name, "v");
  }

  private static TableMetadata table(String keyspace, String name, String... regular) {
    ColumnMetadata id = new ColumnMetadata("id", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
    ColumnMetadata seq = new ColumnMetadata("seq", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 0, false);
    List<ColumnMetadata> others = new ArrayList<>();
    for (String column : regular) {
      others.add(new ColumnMetadata(column, NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false));
    }
    return new TableMetadata(keyspace, name, UUID.nameUUIDFromBytes((keyspace + name).getBytes()), List.of(id), List.of(seq),
        others, TableParams.defaults(), false, false);
  }
}
