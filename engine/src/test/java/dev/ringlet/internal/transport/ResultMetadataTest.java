package dev.ringlet.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.Prepared;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.types.NativeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How v5 result metadata ids shape PREPARED and ROWS answers. */
class ResultMetadataTest {

  private static final ColumnSpec K = new ColumnSpec("ks", "t", "k", NativeType.INT);
  private static final ColumnSpec V = new ColumnSpec("ks", "t", "v", NativeType.TEXT);
  private static final ColumnSpec V_AS_INT = new ColumnSpec("ks", "t", "v", NativeType.INT);

  private static Result.Rows rows(List<ColumnSpec> columns) {
    return new Result.Rows(columns, List.of(), null, List.of());
  }

  @Test
  void should_digest_names_and_types_so_any_change_gives_a_new_id() {
    assertThat(ResultMetadataIds.of(List.of(K, V))).isEqualTo(ResultMetadataIds.of(List.of(K, V)));
    assertThat(ResultMetadataIds.of(List.of(K, V))).isNotEqualTo(ResultMetadataIds.of(List.of(K)));
    assertThat(ResultMetadataIds.of(List.of(K, V))).isNotEqualTo(ResultMetadataIds.of(List.of(K, V_AS_INT)));
    assertThat(ResultMetadataIds.of(List.of(K, V))).isNotEqualTo(ResultMetadataIds.of(List.of(V, K)));
  }

  @Test
  void should_remember_ids_by_column_list_and_tell_changed_columns_apart() {
    // Given a cache that has seen (k, v)
    ResultMetadataIds.Cache cache = new ResultMetadataIds.Cache();
    byte[] first = cache.of(new java.util.ArrayList<>(List.of(K, V)));

    // Then an equal list gets the same id without digesting again, and a changed one its own digest
    assertThat(first).isEqualTo(ResultMetadataIds.of(List.of(K, V)));
    assertThat(cache.of(List.of(K, V))).isSameAs(first);
    assertThat(cache.of(List.of(K, V_AS_INT))).isEqualTo(ResultMetadataIds.of(List.of(K, V_AS_INT))).isNotEqualTo(first);
  }

  @Test
  void should_not_answer_a_list_changed_since_it_was_last_asked_for_with_its_old_id() {
    // Given a cache last asked for a mutable list
    ResultMetadataIds.Cache cache = new ResultMetadataIds.Cache();
    List<ColumnSpec> columns = new java.util.ArrayList<>(List.of(K, V));
    byte[] before = cache.of(columns);

    // When the same list object now holds other columns
    columns.set(1, V_AS_INT);

    // Then its id is the new columns' digest
    assertThat(cache.of(columns)).isEqualTo(ResultMetadataIds.of(List.of(K, V_AS_INT))).isNotEqualTo(before);
  }

  @Test
  void should_answer_an_immutable_list_asked_for_again_with_the_same_id() {
    ResultMetadataIds.Cache cache = new ResultMetadataIds.Cache();
    List<ColumnSpec> columns = List.of(K, V);

    byte[] first = cache.of(columns);
    cache.of(List.of(K));

    assertThat(cache.of(columns)).isSameAs(first).isSameAs(cache.of(columns));
  }

  @Test
  void should_send_the_result_metadata_id_in_prepared_only_from_v5() {
    Result.Prepared prepared = new Result.Prepared(new byte[] {1}, List.of(K), new int[] {0}, List.of(K, V));

    Prepared v5 = (Prepared) Messages.result(prepared, 5, false, null);
    Prepared v4 = (Prepared) Messages.result(prepared, 4, false, null);

    assertThat(v5.resultMetadataId).isEqualTo(ResultMetadataIds.of(List.of(K, V)));
    assertThat(v4.resultMetadataId).isNull();
  }

  @Test
  void should_skip_metadata_when_the_id_sent_back_still_matches() {
    byte[] id = ResultMetadataIds.of(List.of(K, V));

    DefaultRows answer = (DefaultRows) Messages.result(rows(List.of(K, V)), 5, true, id);

    assertThat(answer.getMetadata().columnSpecs).isEmpty();
    assertThat(answer.getMetadata().columnCount).isEqualTo(2);
    assertThat(answer.getMetadata().newResultMetadataId).isNull();
  }

  @Test
  void should_send_metadata_changed_with_the_new_id_when_the_columns_changed() {
    byte[] old = ResultMetadataIds.of(List.of(K));

    DefaultRows answer = (DefaultRows) Messages.result(rows(List.of(K, V)), 5, true, old);

    assertThat(answer.getMetadata().columnSpecs).hasSize(2);
    assertThat(answer.getMetadata().newResultMetadataId).isEqualTo(ResultMetadataIds.of(List.of(K, V)));
  }

  @Test
  void should_always_send_conditional_update_metadata_without_claiming_a_change() {
    ColumnSpec applied = new ColumnSpec("ks", "t", "[applied]", NativeType.BOOLEAN);

    DefaultRows answer =
        (DefaultRows) Messages.result(rows(List.of(applied, V)), 5, true, ResultMetadataIds.of(List.of(applied)));

    assertThat(answer.getMetadata().columnSpecs).hasSize(2);
    assertThat(answer.getMetadata().newResultMetadataId).isNull();
  }
}
