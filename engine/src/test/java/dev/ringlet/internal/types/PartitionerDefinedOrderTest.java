package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.0's {@code PartitionerDefinedOrder}: how its definitions read, its order, and the values it refuses. */
class PartitionerDefinedOrderTest {

  private static final String MURMUR3 = "org.apache.cassandra.db.marshal.PartitionerDefinedOrder("
      + "org.apache.cassandra.dht.Murmur3Partitioner)";

  private static ByteBuffer bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(b);
  }

  @Test
  void should_read_the_definitions_5_0_reads_and_print_them_without_a_key_type() {
    for (String written : List.of("PartitionerDefinedOrder", "PartitionerDefinedOrder(Murmur3Partitioner)",
        "org.apache.cassandra.db.marshal.PartitionerDefinedOrder(org.apache.cassandra.dht.Murmur3Partitioner:Int32Type)")) {
      CqlType type = MarshalTypes.parse(written);
      assertThat(type).isInstanceOfSatisfying(CustomType.class, c -> {
        assertThat(c.isPartitionerOrder()).isTrue();
        assertThat(c.className()).isEqualTo(MURMUR3);
      });
      assertThat(type.cql()).isEqualTo("'" + MURMUR3 + "'");
    }
    assertThat(MarshalTypes.parse("PartitionerDefinedOrder(org.apache.cassandra.dht.ByteOrderedPartitioner)"))
        .isEqualTo(NativeType.BLOB);
    assertThat(MarshalTypes.parse("PartitionerDefinedOrder(OrderPreservingPartitioner)")).isEqualTo(NativeType.TEXT);
  }

  @Test
  void should_call_other_partitioners_and_nested_definitions_invalid() {
    assertThatThrownBy(() -> MarshalTypes.parse("PartitionerDefinedOrder(Murmur3Partitioner, Int32Type)"))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Error setting type PartitionerDefinedOrder(Murmur3Partitioner, Int32Type): Invalid definition for"
            + " comparator org.apache.cassandra.db.marshal.PartitionerDefinedOrder.");
    assertThatThrownBy(() -> MarshalTypes.parse("PartitionerDefinedOrder()"))
        .hasMessageEndingWith("Invalid definition for comparator org.apache.cassandra.db.marshal.PartitionerDefinedOrder.");
    assertThatThrownBy(() -> MarshalTypes.parse("ListType(PartitionerDefinedOrder(Murmur3Partitioner))"))
        .hasMessage("Error setting type ListType(PartitionerDefinedOrder(Murmur3Partitioner)): Invalid definition for"
            + " comparator org.apache.cassandra.db.marshal.ListType.");
  }

  @Test
  void should_order_values_by_their_murmur3_token_then_bytes_with_the_empty_value_first() {
    CqlType type = MarshalTypes.parse("PartitionerDefinedOrder");
    List<ByteBuffer> values = new ArrayList<>(List.of(bytes(1), bytes(0x0a), bytes(0x0b), bytes(), bytes(0, 0, 0, 1)));
    values.sort(type::compare);

    assertThat(values.get(0).remaining()).isZero();
    for (int i = 2; i < values.size(); i++) {
      assertThat(Murmur3Partitioner.token(values.get(i - 1))).isLessThan(Murmur3Partitioner.token(values.get(i)));
    }
    // as recorded from 5.0.9 (golden types_partitioner_order): 0x, 0x0b, 0x0c, 0x0a
    List<ByteBuffer> recorded = new ArrayList<>(List.of(bytes(0x0a), bytes(0x0c), bytes(), bytes(0x0b)));
    recorded.sort(type::compare);
    assertThat(recorded).containsExactly(bytes(), bytes(0x0b), bytes(0x0c), bytes(0x0a));
  }

  @Test
  void should_order_random_partitioner_values_by_their_md5_token() {
    CqlType type = MarshalTypes.parse("PartitionerDefinedOrder(org.apache.cassandra.dht.RandomPartitioner)");
    List<ByteBuffer> recorded = new ArrayList<>(
        List.of(bytes(3), bytes(), bytes(2), bytes(1, 2), bytes(1), bytes(0, 0, 0, 0, 0, 0, 0, 1)));
    recorded.sort(type::compare);
    // 5.0.9 (golden types_partitioner_order): min(v) of 0x01, 0x02, 0x03, 0x0102, 0x0000000000000001 is the last;
    // v <= 0x0102 selects 0x, 0x0000000000000001 and 0x0102; v > 0x02 selects only 0x03
    assertThat(recorded).containsExactly(bytes(), bytes(0, 0, 0, 0, 0, 0, 0, 1), bytes(1, 2), bytes(1), bytes(2), bytes(3));
  }

  @Test
  void should_take_only_blob_constants_and_fail_validation_and_json_with_5_0_server_errors() {
    CqlType type = MarshalTypes.parse("PartitionerDefinedOrder");
    assertThat(type.parse(LiteralKind.HEX, "0a")).isEqualTo(bytes(0x0a));
    assertThatThrownBy(() -> type.parse(LiteralKind.STRING, "x"))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessage("java.lang.UnsupportedOperationException");
    assertThatThrownBy(() -> type.validate(bytes(1)))
        .hasMessage("java.lang.IllegalStateException: You shouldn't be validating this.");
    assertThatThrownBy(() -> type.toJson(bytes(1)))
        .hasMessage("java.lang.AssertionError: PartitionerDefinedOrder's toJSONString method needs a partition key type"
            + " but now is null.");
    assertThatThrownBy(() -> type.fromJson("0x01")).hasMessage("java.lang.UnsupportedOperationException");
  }
}
