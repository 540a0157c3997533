package dev.ringlet.internal.exec.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.SystemTableSource;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.time.TimestampGenerator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The default role is read and written at the store, without CQL: what it writes must be exactly
 * what the internal CQL {@code INSERT ... USING TIMESTAMP 0} wrote, and what it reads must answer as
 * {@code SELECT role FROM system_auth.roles LIMIT 1} does.
 */
class AuthTablesTest {

  private static final Schema SCHEMA = systemSchema();

  private final ManualClock clock = new ManualClock(1_700_000_000_000_000L);

  @Test
  void should_write_the_same_partition_as_the_cql_insert() {
    // Given two fresh nodes' tables
    AuthTables viaCql = authTables();
    AuthTables direct = authTables();

    // When one inserts the default role by CQL and the other at the store
    viaCql.write("INSERT INTO system_auth.roles (role, is_superuser, can_login, salted_hash) VALUES (?, true, true, ?)"
        + " USING TIMESTAMP 0", Roles.DEFAULT_SUPERUSER, Roles.DEFAULT_SUPERUSER_HASH);
    direct.insert("system_auth", "roles", 0, defaultRole());

    // Then both stores hold the same partition, timestamps, liveness and cells included
    PartitionUpdate expected = rawRole(viaCql);
    assertThat(expected).isNotNull();
    assertThat(rawRole(direct)).isEqualTo(expected);
    assertThat(direct.select("SELECT role, is_superuser, can_login, salted_hash FROM system_auth.roles"))
        .isEqualTo(viaCql.select("SELECT role, is_superuser, can_login, salted_hash FROM system_auth.roles"));
  }

  @Test
  void should_see_a_row_exactly_when_select_limit_1_finds_one() {
    AuthTables tables = authTables();
    assertThat(tables.anyRow("system_auth", "roles")).isFalse();

    tables.write("INSERT INTO system_auth.roles (role, can_login) VALUES (?, false) USING TIMESTAMP 5", "alice");
    assertThat(tables.anyRow("system_auth", "roles")).isTrue();
    assertThat(tables.select("SELECT role FROM system_auth.roles LIMIT 1")).isNotEmpty();

    tables.write("DELETE FROM system_auth.roles USING TIMESTAMP 6 WHERE role = ?", "alice");
    assertThat(tables.anyRow("system_auth", "roles")).isFalse();
    assertThat(tables.select("SELECT role FROM system_auth.roles LIMIT 1")).isEmpty();
  }

  @Test
  void should_create_the_default_role_once_and_keep_later_changes() {
    // Given a node whose default role was made, then changed by a client
    AuthTables tables = authTables();
    Roles roles = new Roles(tables);
    roles.setupDefaultRole();
    assertThat(roles.get("cassandra")).isEqualTo(new Roles.Role("cassandra", true, true, java.util.Set.of(),
        Roles.DEFAULT_SUPERUSER_HASH));
    tables.write("UPDATE system_auth.roles USING TIMESTAMP 10 SET can_login = false WHERE role = ?", "cassandra");

    // When the set-up runs again (a restart of a durable node)
    roles.setupDefaultRole();

    // Then the change stands
    assertThat(roles.get("cassandra").canLogin()).isFalse();
  }

  @Test
  void should_refuse_collections_and_tables_with_clustering_columns() {
    AuthTables tables = authTables();
    Map<String, Object> withSet = defaultRole();
    withSet.put("member_of", java.util.Set.of("admins"));
    assertThatThrownBy(() -> tables.insert("system_auth", "roles", 0, withSet))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member_of");
    assertThatThrownBy(() -> tables.insert("system_auth", "role_members", 0, Map.of("role", "a", "member", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no clustering columns");
  }

  private static Map<String, Object> defaultRole() {
    Map<String, Object> row = new HashMap<>();
    row.put("role", Roles.DEFAULT_SUPERUSER);
    row.put("is_superuser", true);
    row.put("can_login", true);
    row.put("salted_hash", Roles.DEFAULT_SUPERUSER_HASH);
    return row;
  }

  /** The store behind each AuthTables of a test. */
  private final Map<AuthTables, SystemTableSource> sources = new java.util.IdentityHashMap<>();

  private AuthTables authTables() {
    InetAddress address = InetAddress.getLoopbackAddress();
    UUID hostId = UUID.nameUUIDFromBytes("test".getBytes(StandardCharsets.UTF_8));
    SystemTableSource tables = new SystemTableSource(new Storage(), () -> SCHEMA, () -> new NodeInfo("c", "datacenter1", "rack1", "5.0.9",
        hostId, List.of(1L), address, 7000, address, 7000, address, 9042, SCHEMA.version()), List::of);
    AuthTables auth = new AuthTables(() -> SCHEMA, tables, new WriteExecutor(tables, new TimestampGenerator(clock), clock),
        new TermFunctions(clock), clock);
    sources.put(auth, tables);
    return auth;
  }

  private PartitionUpdate rawRole(AuthTables tables) {
    TableMetadata roles = SCHEMA.table("system_auth", "roles");
    return sources.get(tables).store(roles).readRaw(PartitionKeys.decorate(roles,
        List.of(roles.partitionKey().get(0).type().encode(Roles.DEFAULT_SUPERUSER))));
  }

  private static Schema systemSchema() {
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    return new Schema(UUID.nameUUIDFromBytes("test-schema".getBytes(StandardCharsets.UTF_8)), keyspaces);
  }
}
