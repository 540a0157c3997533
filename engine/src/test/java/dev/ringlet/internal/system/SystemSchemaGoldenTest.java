package dev.ringlet.internal.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system keyspaces against what a fresh Cassandra 5.0.9 node shows about itself
 * ({@code golden/system/*.txt}): the rows of {@code system_schema} and {@code system_virtual_schema}
 * that describe system keyspaces must be equal, value for value, table ids included (they are
 * name-based on Cassandra too); and every generated table must have the columns and types, in
 * {@code SELECT *} order, that Cassandra's result metadata showed.
 */
class SystemSchemaGoldenTest {

  static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_schema", "system_auth", "system_distributed",
      "system_traces", "system_views", "system_virtual_schema");

  static final NodeInfo NODE = node();

  private static NodeInfo node() {
    try {
      InetAddress localhost = InetAddress.getByName("127.0.0.1");
      return new NodeInfo("Test Cluster", "datacenter1", "rack1", "5.0.9", UUID.randomUUID(), List.of(-5L, 7L, 10L),
          localhost, 7200, localhost, 7200, localhost, 9143, UUID.randomUUID(), 1795322037);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static Schema systemSchema() {
    Map<String, KeyspaceMetadata> keyspaces = new TreeMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) keyspaces.put(ks.name(), ks);
    return new Schema(UUID.randomUUID(), keyspaces);
  }

  /** Golden rows and generated rows, keyed by the given key columns, each formatted as the golden files are. */
  static void assertRowsMatch(String file, Predicate<Map<String, String>> goldenFilter, List<Map<String, Object>> actual,
      List<String> keyColumns, Set<String> ignored) {
    GoldenFile.Block golden = GoldenFile.load(file).first();
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (Map<String, String> row : golden.rows()) {
      if (!goldenFilter.test(row)) continue;
      expected.put(key(row, keyColumns), without(row, ignored));
    }
    Map<String, Map<String, String>> got = new TreeMap<>();
    for (Map<String, Object> row : actual) {
      Map<String, String> formatted = Literals.formatRow(row, golden.columnTypes().keySet());
      if (!goldenFilter.test(formatted)) continue;
      got.put(key(formatted, keyColumns), without(formatted, ignored));
    }
    assertThat(got.keySet()).as("rows of %s", file).containsExactlyElementsOf(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(got.get(key)).as("row %s of %s", key, file).containsExactlyEntriesOf(expected.get(key));
    }
  }

  private static String key(Map<String, String> row, List<String> keyColumns) {
    List<String> parts = new ArrayList<>();
    for (String c : keyColumns) parts.add(row.get(c));
    return String.join(" / ", parts);
  }

  private static Map<String, String> without(Map<String, String> row, Set<String> ignored) {
    Map<String, String> copy = new LinkedHashMap<>(row);
    copy.keySet().removeAll(ignored);
    return copy;
  }

  static Predicate<Map<String, String>> inKeyspaces(Set<String> keyspaces) {
    return row -> keyspaces.stream().anyMatch(ks -> row.get("keyspace_name").equals("'" + ks + "'"));
  }

  private static List<Map<String, Object>> rowsOf(String keyspace, String table) {
    return SystemKeyspaces.table(keyspace, table).rows(systemSchema(), NODE, List.of());
  }

  @Test
  void should_list_the_system_keyspaces_with_cassandras_replication() {
    assertRowsMatch("system_schema.keyspaces.txt", inKeyspaces(SYSTEM_KEYSPACES), rowsOf("system_schema", "keyspaces"),
        List.of("keyspace_name"), Set.of());
  }

  @Test
  void should_describe_every_system_table_with_cassandras_options_and_ids() {
    assertRowsMatch("system_schema.tables.txt", inKeyspaces(SYSTEM_KEYSPACES), rowsOf("system_schema", "tables"),
        List.of("keyspace_name", "table_name"), Set.of());
  }

  @Test
  void should_describe_every_system_column_with_cassandras_kind_position_and_type() {
    assertRowsMatch("system_schema.columns.txt", inKeyspaces(SYSTEM_KEYSPACES), rowsOf("system_schema", "columns"),
        List.of("keyspace_name", "table_name", "column_name"), Set.of());
  }

  @Test
  void should_show_paxos_index_as_the_only_system_index() {
    assertRowsMatch("system_schema.indexes.txt", inKeyspaces(SYSTEM_KEYSPACES), rowsOf("system_schema", "indexes"),
        List.of("keyspace_name", "table_name", "index_name"), Set.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"keyspaces", "tables", "columns"})
  void should_describe_the_virtual_keyspaces_as_cassandra(String table) {
    List<String> key = switch (table) {
      case "keyspaces" -> List.of("keyspace_name");
      case "tables" -> List.of("keyspace_name", "table_name");
      default -> List.of("keyspace_name", "table_name", "column_name");
    };
    assertRowsMatch("system_virtual_schema." + table + ".txt", row -> true, rowsOf("system_virtual_schema", table), key,
        Set.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"system_schema.keyspaces", "system_schema.tables", "system_schema.columns",
      "system_schema.dropped_columns", "system_schema.triggers", "system_schema.views", "system_schema.types",
      "system_schema.functions", "system_schema.aggregates", "system_schema.indexes", "system_schema.column_masks",
      "system_virtual_schema.keyspaces", "system_virtual_schema.tables", "system_virtual_schema.columns",
      "system.local", "system.peers", "system.peers_v2"})
  void should_have_the_columns_cassandra_returns_for_select_star(String name) {
    GoldenFile.Block golden = GoldenFile.load(name + ".txt").first();
    String[] parts = name.split("\\.");
    TableMetadata metadata = SystemKeyspaces.table(parts[0], parts[1]).metadata();

    Map<String, String> columns = new LinkedHashMap<>();
    metadata.columns().forEach(c -> columns.put(c.name(), withoutFrozen(ColumnTypeText.of(c.type()))));

    assertThat(columns).containsExactlyEntriesOf(golden.columnTypes());
  }

  /** Result metadata carries no frozenness: the driver shows {@code frozen<map<a, b>>} as {@code map<a, b>}. */
  static String withoutFrozen(String type) {
    StringBuilder out = new StringBuilder();
    java.util.ArrayDeque<Boolean> dropClose = new java.util.ArrayDeque<>();
    for (int i = 0; i < type.length(); i++) {
      if (type.startsWith("frozen<", i)) {
        dropClose.push(true);
        i += "frozen".length();
      } else if (type.charAt(i) == '<') {
        dropClose.push(false);
        out.append('<');
      } else if (type.charAt(i) == '>') {
        if (!dropClose.pop()) out.append('>');
      } else {
        out.append(type.charAt(i));
      }
    }
    return out.toString();
  }

  @Test
  void should_answer_every_table_of_the_system_keyspaces() {
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      for (String table : ks.tables().keySet()) {
        if (ks.name().equals(SystemKeyspaces.AUTH) || ks.name().equals(SystemKeyspaces.TRACES)) {
          // stored like data: the role manager, the authorizer and query tracing write to them
          assertThat(SystemKeyspaces.table(ks.name(), table)).as(ks.name() + "." + table).isNull();
        } else {
          assertThat(SystemKeyspaces.table(ks.name(), table)).as(ks.name() + "." + table).isNotNull();
        }
      }
    }
    assertThat(SystemKeyspaces.table("system", "nope")).isNull();
    assertThat(SystemKeyspaces.table("golden", "local")).isNull();
  }

  /** Host id, schema version, tokens, gossip generation and truncation records differ from node to node. */
  @Test
  void should_describe_the_local_node_as_cassandra_does() {
    Map<String, Object> row = new HashMap<>(rowsOf("system", "local").get(0));

    assertRowsMatch("system.local.txt", r -> true, List.of(row), List.of("key"),
        Set.of("host_id", "schema_version", "tokens", "gossip_generation", "truncated_at"));
    assertThat(row).containsEntry("host_id", NODE.hostId()).containsEntry("schema_version", NODE.schemaVersion());
    assertThat(Literals.format(row.get("tokens"))).isEqualTo("{'-5', '10', '7'}");
    assertThat(row).containsEntry("gossip_generation", NODE.gossipGeneration());
  }
}
