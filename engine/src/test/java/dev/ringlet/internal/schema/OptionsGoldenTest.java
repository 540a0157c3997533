package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.system.GoldenFile;
import dev.ringlet.internal.system.Literals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table options and keyspace replication against Cassandra 5.0.9's answers to the statements of
 * {@code golden/system/options-and-replication-errors.txt}: the same error code and message word for
 * word, or success with the options {@code system_schema} then showed. Left out, because they are
 * not these classes' job: statements that repeat an option (the parser's "Multiple definitions"),
 * keyspace statements whose trouble is outside the replication map (unknown or missing properties,
 * {@code durable_writes}, ALTER of a system keyspace), and ALTER KEYSPACE (whose NTS rules differ).
 */
class OptionsGoldenTest {

  private static final GoldenFile GOLDEN = GoldenFile.load("options-and-replication-errors.txt");
  private static final Set<String> DATACENTERS = Set.of("datacenter1");

  static Stream<GoldenFile.Block> tableStatements() {
    return GOLDEN.blocks().stream()
        .filter(b -> b.statement().startsWith("CREATE TABLE") && b.outcome() != null)
        .filter(b -> !WithClause.parse(b.statement()).duplicate());
  }

  static Stream<GoldenFile.Block> keyspaceStatements() {
    return GOLDEN.blocks().stream()
        .filter(b -> b.statement().startsWith("CREATE KEYSPACE") || b.statement().startsWith("ALTER KEYSPACE system_auth"))
        .filter(b -> {
          WithClause.Options o = WithClause.parse(b.statement());
          return !o.duplicate() && o.values().keySet().equals(Set.of("replication"))
              && o.values().get("replication") instanceof Map;
        });
  }

  static Stream<Arguments> tableCases() {
    return tableStatements().map(b -> Arguments.of(b.statement(), b.outcome()));
  }

  static Stream<Arguments> keyspaceCases() {
    return keyspaceStatements().map(b -> Arguments.of(b.statement(), b.outcome()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableCases")
  void should_accept_or_reject_table_options_as_cassandra(String statement, String expected) {
    Map<String, Object> options = WithClause.parse(statement).values();

    String outcome = outcome(() -> TableParams.defaults().withOptions(options));

    assertThat(outcome).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyspaceCases")
  @SuppressWarnings("unchecked")
  void should_accept_or_reject_replication_as_cassandra(String statement, String expected) {
    String keyspace = statement.split(" ")[2];
    Map<String, String> replication = (Map<String, String>) WithClause.parse(statement).values().get("replication");

    String outcome = outcome(() -> ReplicationParams.fromOptions(keyspace, replication, DATACENTERS));

    assertThat(outcome).isEqualTo(expected);
  }

  /** Every table created successfully shows, in system_schema.tables, the options Cassandra showed. */
  @Test
  void should_store_accepted_table_options_as_cassandra_shows_them() {
    Map<String, TableParams> created = new HashMap<>();
    tableStatements().filter(b -> b.outcome().equals("OK")).forEach(b -> created.put(
        tableName(b.statement()), TableParams.defaults().withOptions(WithClause.parse(b.statement()).values())));
    List<String> compared = new ArrayList<>();
    for (GoldenFile.Block select : GOLDEN.blocks()) {
      if (!select.statement().startsWith("SELECT table_name")) continue;
      for (Map<String, String> row : select.rows()) {
        String table = row.get("table_name").replace("'", "");
        TableParams params = created.get(table);
        if (params == null) continue;
        Map<String, Object> actual = SchemaRowsForTest.tableRow(table, params);
        for (String column : row.keySet()) {
          assertThat(Literals.format(actual.get(column))).as(table + "." + column).isEqualTo(row.get(column));
        }
        compared.add(table);
      }
    }
    assertThat(compared).hasSizeGreaterThan(15);
  }

  /** Every keyspace created successfully (and not altered later) shows the replication Cassandra showed. */
  @Test
  @SuppressWarnings("unchecked")
  void should_store_accepted_replication_as_cassandra_shows_it() {
    Map<String, String> shown = new HashMap<>();
    GOLDEN.blocks().stream().filter(b -> b.statement().startsWith("SELECT * FROM system_schema.keyspaces"))
        .flatMap(b -> b.rows().stream())
        .forEach(r -> shown.put(r.get("keyspace_name").replace("'", ""), r.get("replication")));
    Set<String> altered = new java.util.HashSet<>();
    GOLDEN.blocks().stream().filter(b -> b.statement().startsWith("ALTER KEYSPACE"))
        .forEach(b -> altered.add(b.statement().split(" ")[2]));
    int compared = 0;
    for (GoldenFile.Block b : keyspaceStatements().filter(b -> b.outcome().equals("OK")).toList()) {
      String keyspace = b.statement().split(" ")[2];
      if (altered.contains(keyspace)) continue;
      Map<String, String> replication = (Map<String, String>) WithClause.parse(b.statement()).values().get("replication");
      ReplicationParams params = ReplicationParams.fromOptions(keyspace, replication, DATACENTERS);
      assertThat(Literals.format(params.asMap())).as(keyspace).isEqualTo(shown.get(keyspace));
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(6);
  }

  private static String tableName(String createStatement) {
    String qualified = createStatement.split(" ")[2];
    return qualified.substring(qualified.indexOf('.') + 1);
  }

  private static String outcome(Supplier<?> action) {
    try {
      action.get();
      return "OK";
    } catch (CqlException e) {
      return e.code() + ": " + e.getMessage();
    }
  }
}
