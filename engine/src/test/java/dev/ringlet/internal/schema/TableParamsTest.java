package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Defaults of a new table and how ALTER-style option changes combine with what a table has. */
class TableParamsTest {

  @Test
  void should_default_every_option_as_cassandra_5_0() {
    TableParams p = TableParams.defaults();

    assertThat(p.additionalWritePolicy()).isEqualTo("99p");
    assertThat(p.allowAutoSnapshot()).isTrue();
    assertThat(p.bloomFilterFpChance()).isEqualTo(0.01);
    assertThat(p.caching().asMap()).containsExactly(Map.entry("keys", "ALL"), Map.entry("rows_per_partition", "NONE"));
    assertThat(p.cdc()).isFalse();
    assertThat(p.comment()).isEmpty();
    assertThat(p.compaction().asMap()).containsExactly(
        Map.entry("class", "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy"),
        Map.entry("max_threshold", "32"), Map.entry("min_threshold", "4"));
    assertThat(p.compression().asMap()).containsExactly(Map.entry("chunk_length_in_kb", "16"),
        Map.entry("class", "org.apache.cassandra.io.compress.LZ4Compressor"));
    assertThat(p.crcCheckChance()).isEqualTo(1.0);
    assertThat(p.defaultTimeToLive()).isZero();
    assertThat(p.extensions()).isEmpty();
    assertThat(p.gcGraceSeconds()).isEqualTo(864000);
    assertThat(p.incrementalBackups()).isTrue();
    assertThat(p.maxIndexInterval()).isEqualTo(2048);
    assertThat(p.memtable()).isEqualTo("default");
    assertThat(p.memtableFlushPeriodInMs()).isZero();
    assertThat(p.minIndexInterval()).isEqualTo(128);
    assertThat(p.readRepair()).isEqualTo("BLOCKING");
    assertThat(p.speculativeRetry()).isEqualTo("99p");
  }

  @Test
  void should_keep_other_options_when_altering_one() {
    TableParams created = TableParams.defaults().withOptions(Map.of("comment", "c", "gc_grace_seconds", "10"));

    TableParams altered = created.withOptions(Map.of("default_time_to_live", "5"));

    assertThat(altered.comment()).isEqualTo("c");
    assertThat(altered.gcGraceSeconds()).isEqualTo(10);
    assertThat(altered.defaultTimeToLive()).isEqualTo(5);
  }

  @Test
  void should_check_index_intervals_against_the_tables_current_values() {
    TableParams created = TableParams.defaults().withOptions(Map.of("min_index_interval", "512"));

    assertThatThrownBy(() -> created.withOptions(Map.of("max_index_interval", "256")))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_ERROR))
        .hasMessage("max_index_interval must be greater than or equal to min_index_interval (512) (got 256)");
  }

  @Test
  void should_not_change_bloom_filter_chance_when_altering_to_leveled_compaction() {
    TableParams altered = TableParams.defaults().withOptions(Map.of("comment", "x"))
        .withOptions(Map.of("compaction", Map.of("class", "LeveledCompactionStrategy")));

    assertThat(altered.bloomFilterFpChance()).isEqualTo(0.01);
  }

  @Test
  void should_not_derive_defaults_when_altering_a_table_with_default_options() {
    TableParams altered = TableParams.defaults().altered(Map.of("compaction", Map.of("class", "LeveledCompactionStrategy")));
    TableParams created = TableParams.defaults().withOptions(Map.of("compaction", Map.of("class", "LeveledCompactionStrategy")));

    assertThat(altered.bloomFilterFpChance()).isEqualTo(0.01);
    assertThat(created.bloomFilterFpChance()).isEqualTo(0.1);
  }

  @Test
  void should_read_the_table_id_option() {
    UUID id = UUID.randomUUID();

    assertThat(TableParams.tableId(Map.of("id", id.toString()))).contains(id);
    assertThat(TableParams.tableId(Map.of())).isEmpty();
    assertThatThrownBy(() -> TableParams.tableId(Map.of("id", "x"))).hasMessage("Invalid table id");
  }

  @Test
  void should_keep_the_two_argument_constructor_for_existing_callers() {
    TableParams p = new TableParams(60, 100);

    assertThat(p.defaultTimeToLive()).isEqualTo(60);
    assertThat(p.gcGraceSeconds()).isEqualTo(100);
    assertThat(p.compaction()).isEqualTo(CompactionParams.DEFAULT);
  }
}
