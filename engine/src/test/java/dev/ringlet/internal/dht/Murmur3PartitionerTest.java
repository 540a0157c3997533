package dev.ringlet.internal.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Murmur3PartitionerTest {

  private final Murmur3TokenFactory oracle = new Murmur3TokenFactory();

  private long driverToken(ByteBuffer key) {
    return ((Murmur3Token) oracle.hash(key.duplicate())).getValue();
  }

  @Test
  void should_match_the_driver_on_random_keys_of_every_length_up_to_100() {
    // Given a fixed seed, so that a failure is reproducible
    Random random = new Random(20261122L);
    for (int length = 0; length <= 100; length++) {
      for (int i = 0; i < 40; i++) {
        byte[] key = new byte[length];
        random.nextBytes(key);
        // When / Then
        assertThat(Murmur3Partitioner.token(ByteBuffer.wrap(key)))
            .as("length %d key %s", length, java.util.HexFormat.of().formatHex(key))
            .isEqualTo(driverToken(ByteBuffer.wrap(key)));
      }
    }
  }

  @Test
  void should_match_the_driver_on_keys_of_high_bytes_in_the_tail() {
    for (int length = 1; length <= 48; length++) {
      byte[] key = new byte[length];
      java.util.Arrays.fill(key, (byte) 0xff);
      assertThat(Murmur3Partitioner.token(ByteBuffer.wrap(key))).isEqualTo(driverToken(ByteBuffer.wrap(key)));
      java.util.Arrays.fill(key, (byte) 0x80);
      assertThat(Murmur3Partitioner.token(ByteBuffer.wrap(key))).isEqualTo(driverToken(ByteBuffer.wrap(key)));
    }
  }

  @Test
  void should_give_known_tokens_for_known_keys() {
    // int 1, as in `SELECT token(k) ... WHERE k = 1` on an int partition key
    assertThat(Murmur3Partitioner.token(ByteBuffer.allocate(4).putInt(0, 1))).isEqualTo(-4069959284402364209L);
    assertThat(Murmur3Partitioner.token(ByteBuffer.allocate(0))).isEqualTo(0L);
    assertThat(Murmur3Partitioner.token(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(KNOWN_HELLO)
        .isEqualTo(driverToken(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))));
  }

  /** Computed once with the driver's Murmur3TokenFactory, kept as a literal to pin the value. */
  private static final long KNOWN_HELLO = -3758069500696749310L;

  @Test
  void should_hash_only_the_remaining_bytes_of_the_buffer() {
    ByteBuffer framed = ByteBuffer.wrap(new byte[] {9, 9, 0, 0, 0, 1, 9});
    framed.position(2).limit(6);

    assertThat(Murmur3Partitioner.token(framed)).isEqualTo(-4069959284402364209L);
    assertThat(framed.position()).isEqualTo(2);
  }

  @Test
  void should_build_composite_keys_with_length_bytes_and_end_of_component() {
    ByteBuffer key = Murmur3Partitioner.compositeKey(List.of(
        ByteBuffer.allocate(4).putInt(0, 1), ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8))));

    assertThat(java.util.HexFormat.of().formatHex(bytes(key))).isEqualTo("000400000001000002616200");
  }

  @Test
  void should_reject_a_composite_component_over_65535_bytes() {
    assertThatThrownBy(() -> Murmur3Partitioner.compositeKey(List.of(ByteBuffer.allocate(65536))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65536");
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
