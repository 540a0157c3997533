package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan accepts exactly what the JDK's reporting UTF-8 decoder (the validation it replaced) accepts. */
class Utf8ValidationTest {

  private static final int[] CONTINUATIONS = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};

  @Test
  void should_agree_with_the_jdk_decoder_on_every_one_and_two_byte_sequence() {
    for (int a = 0; a < 256; a++) {
      assertSame(new byte[] {(byte) a});
      for (int b = 0; b < 256; b++) {
        assertSame(new byte[] {(byte) a, (byte) b});
      }
    }
  }

  @Test
  void should_agree_with_the_jdk_decoder_on_three_and_four_byte_sequences() {
    for (int a = 0xc0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        for (int c : CONTINUATIONS) {
          assertSame(new byte[] {(byte) a, (byte) b, (byte) c});
          for (int d = 0; a >= 0xf0 && d < CONTINUATIONS.length; d++) {
            assertSame(new byte[] {(byte) a, (byte) b, (byte) c, (byte) CONTINUATIONS[d]});
          }
        }
      }
    }
  }

  @Test
  void should_agree_with_the_jdk_decoder_on_random_text_and_bytes() {
    Random random = new Random(42);
    String[] pieces = {"a", "é", "€", "𝄞", "\u0000", "z"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0 && random.nextBoolean()) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      assertSame(bytes);
    }
  }

  @Test
  void should_read_only_the_remaining_bytes_and_leave_the_position() {
    ByteBuffer b = ByteBuffer.wrap(new byte[] {(byte) 0xff, 'o', 'k', (byte) 0xc3});
    b.position(1).limit(3);
    assertThat(Utf8Validation.isValid(b)).isTrue();
    assertThat(b.position()).isEqualTo(1);
    b.limit(4);
    assertThat(Utf8Validation.isValid(b)).isFalse();
  }

  private static void assertSame(byte[] bytes) {
    assertThat(Utf8Validation.isValid(ByteBuffer.wrap(bytes)))
        .as(HexFormat.of().formatHex(bytes))
        .isEqualTo(jdkAccepts(bytes));
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
