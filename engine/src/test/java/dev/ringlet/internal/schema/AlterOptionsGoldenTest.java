package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.system.GoldenFile;
import dev.ringlet.internal.system.Literals;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE ... WITH, one statement after the other on the same table, against Cassandra 5.0.9
 * ({@code golden/system/alter-table-options.txt}): a map option replaces the whole map, leveled
 * compaction does not change an existing table's bloom filter chance, range checks see the table's
 * current values.
 */
class AlterOptionsGoldenTest {

  @Test
  void should_alter_table_options_as_cassandra() {
    GoldenFile golden = GoldenFile.load("alter-table-options.txt");
    // CREATE TABLE golden_alter.a1 (k int PRIMARY KEY, v int)
    //     WITH caching = {'keys': 'NONE', 'rows_per_partition': '5'} AND comment = 'c'
    TableParams params = TableParams.defaults().withOptions(Map.of(
        "caching", Map.of("keys", "NONE", "rows_per_partition", "5"), "comment", "c"));

    for (GoldenFile.Block block : golden.blocks()) {
      if (!block.statement().startsWith("ALTER TABLE")) continue;
      Map<String, Object> options = WithClause.parse(block.statement()).values();
      try {
        params = params.altered(options);
        assertThat("OK").as(block.statement()).isEqualTo(block.outcome());
      } catch (CqlException e) {
        assertThat(e.code() + ": " + e.getMessage()).as(block.statement()).isEqualTo(block.outcome());
      }
    }

    Map<String, String> shown = golden.blocks().get(golden.blocks().size() - 1).rows().get(0);
    Map<String, Object> row = SchemaRowsForTest.tableRow("a1", params);
    for (String column : shown.keySet()) {
      assertThat(Literals.format(row.get(column))).as(column).isEqualTo(shown.get(column));
    }
  }
}
