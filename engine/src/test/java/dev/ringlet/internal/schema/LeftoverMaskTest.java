package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column_masks rows 5.0.9 leaves behind (recorded in the auth_masking_dropped scenario). */
class LeftoverMaskTest {

  private static final ColumnMask NULL_MASK = new ColumnMask("system", "mask_null", List.of(), List.of());

  private static TableMetadata table(String name, boolean masked, String... columns) {
    List<ColumnMetadata> others = new java.util.ArrayList<>();
    for (String c : columns) {
      others.add(new ColumnMetadata(c, NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false, masked ? NULL_MASK : null));
    }
    return new TableMetadata("ks", name, java.util.UUID.randomUUID(),
        List.of(new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false, null)), List.of(), others,
        TableParams.defaults(), false, false);
  }

  private static KeyspaceMetadata keyspace() {
    return new KeyspaceMetadata("ks", true, null, Map.of(), Map.of(), false);
  }

  @Test
  void should_keep_a_dropped_tables_mask_rows() {
    KeyspaceMetadata ks = keyspace().withTable(table("t", true, "a", "b"));

    ks = ks.withoutTable("t");

    assertThat(ks.leftoverMasks()).containsOnlyKeys(new LeftoverMask.Key("t", "a"), new LeftoverMask.Key("t", "b"));
  }

  @Test
  void should_forget_them_when_a_column_of_that_name_is_written_again_masked_or_not() {
    KeyspaceMetadata ks = keyspace().withTable(table("t", true, "a", "b", "c")).withoutTable("t");

    ks = ks.withTable(table("t", false, "a", "d"));

    assertThat(ks.leftoverMasks()).containsOnlyKeys(new LeftoverMask.Key("t", "b"), new LeftoverMask.Key("t", "c"));
  }

  @Test
  void should_keep_a_dropped_columns_mask_row() {
    KeyspaceMetadata ks = keyspace().withTable(table("t", true, "a", "b"));

    ks = ks.withTable(table("t", true, "a"));

    assertThat(ks.leftoverMasks()).containsOnlyKeys(new LeftoverMask.Key("t", "b"));
  }
}
