package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.MarshalTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Custom types sent to peers by their class names come back as the same types (schema sync over TCP). */
class SchemaWireCustomTypesTest {

  private static CqlType roundTrip(CqlType type) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SchemaWire.type(type, new DataOutputStream(bytes));
    return SchemaWire.type(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  void should_keep_a_reversed_type_of_its_own_and_its_reversed_order() throws IOException {
    CqlType reversed = MarshalTypes.parse("ReversedType(ReversedType(Int32Type))");
    CqlType back = roundTrip(reversed);

    assertThat(back).isEqualTo(reversed).isInstanceOfSatisfying(CustomType.class,
        c -> assertThat(c.className()).isEqualTo(
            "org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.Int32Type)"));
    assertThat(back.compare(ByteBuffer.wrap(new byte[] {0, 0, 0, 1}), ByteBuffer.wrap(new byte[] {0, 0, 0, 2})))
        .isPositive();
  }

  @Test
  void should_keep_a_reversed_collection_in_one_cell_apart_from_the_same_class_reversed_again() throws IOException {
    CqlType once = MarshalTypes.parse("ReversedType(MapType(Int32Type,UTF8Type))");
    CqlType twice = MarshalTypes.parse("ReversedType(ReversedType(MapType(Int32Type,UTF8Type)))");

    assertThat(roundTrip(once)).isEqualTo(once).isInstanceOfSatisfying(CustomType.class,
        c -> assertThat(c.wrapped()).isNotNull());
    assertThat(roundTrip(twice)).isEqualTo(twice).isNotEqualTo(once);
  }

  @Test
  void should_keep_a_partitioner_defined_order() throws IOException {
    CqlType pdo = MarshalTypes.parse("PartitionerDefinedOrder(RandomPartitioner)");

    assertThat(roundTrip(pdo)).isEqualTo(pdo)
        .isInstanceOfSatisfying(CustomType.class, c -> assertThat(c.isPartitionerOrder()).isTrue());
  }
}
