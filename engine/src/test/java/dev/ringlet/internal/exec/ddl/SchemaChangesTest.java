package dev.ringlet.internal.exec.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.UserType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The events a node sends its clients for a schema another node changed, from the two snapshots. */
class SchemaChangesTest {

  private static final Schema SYSTEM = system();

  @Test
  void should_announce_nothing_when_the_schema_is_the_same() {
    Schema shop = SYSTEM.with(keyspace("shop", 1, Map.of(), table("carts", "v")), UUID.randomUUID());
    assertThat(SchemaChanges.between(shop, shop)).isEmpty();
    assertThat(SchemaChanges.between(shop, new Schema(UUID.randomUUID(), shop.keyspaces()))).isEmpty();
  }

  @Test
  void should_announce_created_updated_and_dropped_keyspaces() {
    Schema one = SYSTEM.with(keyspace("shop", 1, Map.of()), UUID.randomUUID());
    assertThat(SchemaChanges.between(SYSTEM, one)).containsExactly(change("CREATED", "KEYSPACE", "shop", null));
    Schema three = one.with(keyspace("shop", 3, Map.of()), UUID.randomUUID());
    assertThat(SchemaChanges.between(one, three)).containsExactly(change("UPDATED", "KEYSPACE", "shop", null));
    assertThat(SchemaChanges.between(three, SYSTEM)).containsExactly(change("DROPPED", "KEYSPACE", "shop", null));
  }

  @Test
  void should_announce_created_altered_and_dropped_tables_as_the_coordinator_does() {
    Schema none = SYSTEM.with(keyspace("shop", 1, Map.of()), UUID.randomUUID());
    Schema carts = none.with(keyspace("shop", 1, Map.of(), table("carts", "v")), UUID.randomUUID());
    assertThat(SchemaChanges.between(none, carts)).containsExactly(change("CREATED", "TABLE", "shop", "carts"));
    // a copy of the same table (as a snapshot received over TCP is) is no change
    Schema copy = none.with(keyspace("shop", 1, Map.of(), table("carts", "v")), UUID.randomUUID());
    assertThat(SchemaChanges.between(carts, copy)).isEmpty();
    Schema altered = none.with(keyspace("shop", 1, Map.of(), table("carts", "v", "w")), UUID.randomUUID());
    assertThat(SchemaChanges.between(carts, altered)).containsExactly(change("UPDATED", "TABLE", "shop", "carts"));
    assertThat(SchemaChanges.between(altered, none)).containsExactly(change("DROPPED", "TABLE", "shop", "carts"));
  }

  @Test
  void should_announce_types() {
    UserType address = new UserType("shop", "address", List.of("street"), List.of(NativeType.TEXT), false);
    UserType wider = new UserType("shop", "address", List.of("street", "city"), List.of(NativeType.TEXT, NativeType.TEXT), false);
    Schema none = SYSTEM.with(keyspace("shop", 1, Map.of()), UUID.randomUUID());
    Schema one = none.with(keyspace("shop", 1, Map.of("address", address)), UUID.randomUUID());
    Schema two = none.with(keyspace("shop", 1, Map.of("address", wider)), UUID.randomUUID());
    assertThat(SchemaChanges.between(none, one)).containsExactly(change("CREATED", "TYPE", "shop", "address"));
    assertThat(SchemaChanges.between(one, two)).containsExactly(change("UPDATED", "TYPE", "shop", "address"));
    assertThat(SchemaChanges.between(two, none)).containsExactly(change("DROPPED", "TYPE", "shop", "address"));
  }

  @Test
  void should_announce_a_keyspace_received_with_its_tables_and_types_after_it() {
    UserType address = new UserType("shop", "address", List.of("street"), List.of(NativeType.TEXT), false);
    Schema full = SYSTEM.with(keyspace("shop", 1, Map.of("address", address), table("carts", "v")), UUID.randomUUID());
    assertThat(SchemaChanges.between(SYSTEM, full)).containsExactly(change("CREATED", "KEYSPACE", "shop", null),
        change("CREATED", "TYPE", "shop", "address"), change("CREATED", "TABLE", "shop", "carts"));
  }

  private static Result.SchemaChange change(String change, String target, String keyspace, String name) {
    return new Result.SchemaChange(change, target, keyspace, name, List.of());
  }

  private static Schema system() {
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    return new Schema(UUID.randomUUID(), keyspaces);
  }

  private static KeyspaceMetadata keyspace(String name, int rf, Map<String, UserType> types, TableMetadata... tables) {
    Map<String, TableMetadata> byName = new HashMap<>();
    for (TableMetadata t : tables) {
      byName.put(t.name(), t);
    }
    return new KeyspaceMetadata(name, true, ReplicationParams.simple(rf), byName, types, false);
  }

  private static TableMetadata table(String name, String... regular) {
    ColumnMetadata id = new ColumnMetadata("id", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
    List<ColumnMetadata> others = java.util.Arrays.stream(regular)
        .map(c -> new ColumnMetadata(c, NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false)).toList();
    return new TableMetadata("shop", name, UUID.nameUUIDFromBytes(name.getBytes()), List.of(id), List.of(), others,
        TableParams.defaults(), false, false);
  }
}
