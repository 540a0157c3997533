package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorTypeTest {

  private static final VectorType FLOATS = new VectorType(NativeType.FLOAT, 3);
  private static final VectorType TEXTS = new VectorType(NativeType.TEXT, 2);

  private static String hex(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return HexFormat.of().formatHex(out);
  }

  @Test
  void should_pack_fixed_length_elements_without_length_like_the_driver() {
    ByteBuffer encoded = FLOATS.encode(List.of(1.0f, -2.5f, 0.0f));

    assertThat(hex(encoded))
        .isEqualTo(hex(TypeCodecs.vectorOf(3, TypeCodecs.FLOAT).encode(CqlVector.newInstance(1.0f, -2.5f, 0.0f), ProtocolVersion.V4)))
        .isEqualTo("3f800000c020000000000000");
    assertThat(FLOATS.decode(encoded)).isEqualTo(List.of(1.0f, -2.5f, 0.0f));
    assertThat(FLOATS.cql()).isEqualTo("vector<float, 3>");
  }

  @Test
  void should_prefix_variable_length_elements_with_an_unsigned_vint_like_the_driver() {
    String longText = "x".repeat(200);

    ByteBuffer encoded = TEXTS.encode(List.of("ab", longText));

    assertThat(hex(encoded))
        .isEqualTo(hex(TypeCodecs.vectorOf(2, TypeCodecs.TEXT).encode(CqlVector.newInstance("ab", longText), ProtocolVersion.V4)))
        .startsWith("026162" + "80c8");
    assertThat(TEXTS.decode(encoded)).isEqualTo(List.of("ab", longText));
  }

  @Test
  void should_reject_vectors_of_the_wrong_size() {
    assertThatThrownBy(() -> FLOATS.validate(ByteBuffer.allocate(8))).hasMessage("Not enough bytes to read a vector<float, 3>");
    assertThatThrownBy(() -> FLOATS.validate(ByteBuffer.allocate(13)))
        .hasMessage("Unexpected 1 extraneous bytes after vector<float, 3> value");
    assertThatThrownBy(() -> FLOATS.validate(ByteBuffer.allocate(0))).hasMessage("Invalid empty vector value");
    assertThatThrownBy(() -> FLOATS.encode(List.of(1f))).hasMessage("Required 3 elements, but saw 1");
    assertThatThrownBy(() -> FLOATS.encode(Arrays.asList(1f, null, 2f)))
        .hasMessage("Element at index 1 is null (expected type float); given [1.0, null, 2.0]");
  }

  @Test
  void should_report_broken_length_prefixes_like_cassandra() {
    assertThatThrownBy(() -> TEXTS.validate(ByteBuffer.wrap(new byte[] {0x4d})))
        .hasMessage("Attempted to read 77, but the size is 0");
    assertThatThrownBy(() -> TEXTS.validate(ByteBuffer.wrap(HexFormat.of().parseHex("ea254c"))))
        .hasMessage("Invalidate data at offset 0; saw size of -1 but only >= 0 is expected");
    assertThatThrownBy(() -> TEXTS.validate(ByteBuffer.wrap(HexFormat.of().parseHex("f64e682300000002f2"))))
        .hasMessage("27085251328 is out of range for a 32-bit integer");
    assertThatThrownBy(() -> TEXTS.validate(ByteBuffer.wrap(HexFormat.of().parseHex("0161016200"))))
        .hasMessage("Unexpected 1 extraneous bytes after vector<text, 2> value");
  }

  @Test
  void should_write_vector_literals_and_json_and_read_json() {
    ByteBuffer encoded = FLOATS.encode(List.of(1.0f, 2.0f, 3.0f));

    assertThat(FLOATS.toCqlLiteral(encoded)).isEqualTo("[1.0, 2.0, 3.0]");
    assertThat(FLOATS.toJson(encoded)).isEqualTo("[1.0, 2.0, 3.0]");
    assertThat(hex(FLOATS.fromJson("[1, 2, 3]"))).isEqualTo(hex(encoded));
    assertThatThrownBy(() -> FLOATS.fromJson(List.of(1.0))).hasMessage("List had incorrect size: expected 3 but given 1; [1.0]");
  }

  @Test
  void should_order_vectors_element_wise() {
    assertThat(FLOATS.compare(FLOATS.encode(List.of(1f, 2f, 3f)), FLOATS.encode(List.of(1f, 2f, 4f)))).isNegative();
    assertThat(FLOATS.compare(FLOATS.encode(List.of(-1f, 9f, 9f)), FLOATS.encode(List.of(1f, 0f, 0f)))).isNegative();
  }

  @Test
  void should_nest_fixed_length_vectors_without_length_prefixes() {
    VectorType nested = new VectorType(new VectorType(NativeType.INT, 2), 2);

    ByteBuffer encoded = nested.encode(List.of(List.of(1, 2), List.of(3, 4)));

    assertThat(hex(encoded)).isEqualTo("00000001000000020000000300000004");
    assertThat(nested.decode(encoded)).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
  }
}
