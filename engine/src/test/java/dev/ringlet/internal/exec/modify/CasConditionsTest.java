package dev.ringlet.internal.exec.modify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order 5.0 checks a row's LWT conditions in (its HashMultimap's), and how a bound condition
 * compares, in small tables of cases. The bucket numbers are those of 5.0's
 * {@code Pair<ColumnIdentifier, ByteBuffer>} hashes; the recordings of {@code lwt_conditions_*}
 * confirm the orders they give (l before v, m before l, fl before m['zz']).
 */
class CasConditionsTest {

  @Test
  void should_hash_keys_into_the_buckets_of_cassandras_multimap() {
    assertThat(new CasConditions.Key("v", null).bucket(15)).isEqualTo(12);
    assertThat(new CasConditions.Key("l", null).bucket(15)).isEqualTo(6);
    assertThat(new CasConditions.Key("m", null).bucket(15)).isEqualTo(5);
    assertThat(new CasConditions.Key("s", null).bucket(15)).isEqualTo(15);
    assertThat(new CasConditions.Key("fl", null).bucket(15)).isEqualTo(4);
    assertThat(new CasConditions.Key("m", text("zz")).bucket(15)).isEqualTo(6);
    assertThat(new CasConditions.Key("l", null).bucket(31)).isEqualTo(22);
  }

  @Test
  void should_check_conditions_by_bucket_then_by_first_insertion() {
    ConditionCheck.Bound v = bound("v", null);
    ConditionCheck.Bound s = bound("s", null);
    ConditionCheck.Bound l = bound("l", null);
    ConditionCheck.Bound mzz = bound("m", text("zz"));
    ConditionCheck.Bound fl = bound("fl", null);
    ConditionCheck.Bound l2 = bound("l", null);

    assertThat(CasConditions.inCheckOrder(List.of(v, s, l, fl))).containsExactly(fl, l, v, s);
    // l and m['zz'] share bucket 6: insertion order, a key's conditions together
    assertThat(CasConditions.inCheckOrder(List.of(mzz, l, v))).containsExactly(mzz, l, v);
    assertThat(CasConditions.inCheckOrder(List.of(l, mzz, l2))).containsExactly(l, l2, mzz);
  }

  @Test
  void should_double_the_buckets_past_three_quarters_full() {
    ConditionCheck.Bound r = bound("r", null);
    ConditionCheck.Bound a = bound("a", null);
    List<ConditionCheck.Bound> conditions = new ArrayList<>(List.of(r, a));
    for (char c = 'c'; c <= 'm'; c++) {
      conditions.add(bound(String.valueOf(c), null));
    }
    // r is in bucket 0 of 16 but 16 of 32, a in bucket 1 of either
    List<ConditionCheck.Bound> twelve = CasConditions.inCheckOrder(conditions.subList(0, 12));
    assertThat(twelve.indexOf(r)).isLessThan(twelve.indexOf(a));
    List<ConditionCheck.Bound> thirteen = CasConditions.inCheckOrder(conditions);
    assertThat(thirteen.indexOf(a)).isLessThan(thirteen.indexOf(r));
  }

  @Test
  void should_compare_frozen_contains_as_java_equality_and_non_frozen_by_order() {
    ListType frozen = new ListType(NativeType.DECIMAL, true);
    ListType multiCell = new ListType(NativeType.DECIMAL, false);
    ByteBuffer stored = frozen.encode(List.of(new BigDecimal("1.00")));
    ByteBuffer one = NativeType.DECIMAL.encode(new BigDecimal("1.0"));

    assertThat(contains(frozen, one).test(stored)).isFalse();
    assertThat(contains(multiCell, one).test(stored)).isTrue();
    assertThat(contains(frozen, NativeType.DECIMAL.encode(new BigDecimal("1.00"))).test(stored)).isTrue();
    assertThat(contains(multiCell, one).test(null)).isFalse();
  }

  @Test
  void should_refuse_a_null_contains_even_without_a_value() {
    ConditionCheck.Bound nullContains = contains(new ListType(NativeType.INT, false), null);

    assertThatThrownBy(() -> nullContains.test(null))
        .isInstanceOf(CqlException.class)
        .hasMessage("Invalid comparison with null for operator \"CONTAINS\"");
  }

  private static ConditionCheck.Bound contains(CqlType type, ByteBuffer value) {
    ColumnMetadata column = new ColumnMetadata("l", type, ColumnMetadata.Kind.REGULAR, 0, false);
    return ConditionCheck.onColumn(column, Operator.CONTAINS, values -> ConditionCheck.single(value)).bind(null);
  }

  private static ConditionCheck.Bound bound(String column, ByteBuffer element) {
    ColumnMetadata c = new ColumnMetadata(column, NativeType.INT, ColumnMetadata.Kind.REGULAR, 0, false);
    return new ConditionCheck.Bound(ConditionCheck.onColumn(c, Operator.EQ, values -> List.of()), List.of(), element);
  }

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
