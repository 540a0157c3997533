package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.CrcMismatchException;
import com.datastax.oss.protocol.internal.Segment;
import com.datastax.oss.protocol.internal.SegmentCodec;
import com.datastax.oss.protocol.internal.util.Crc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The segment layout and checksums, checked against the drivers' own implementation (the
 * native-protocol library the Java driver frames v5 with) as an independent oracle.
 */
class SegmentFormatTest {

  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;
  private static final ByteBufPrimitiveCodec PRIMITIVES = new ByteBufPrimitiveCodec(ALLOCATOR);

  private static SegmentFormat format(boolean lz4) {
    return new SegmentFormat(lz4 ? new Lz4BodyCompressor(ALLOCATOR, 1 << 20) : null);
  }

  private static SegmentCodec<ByteBuf> driverCodec(boolean lz4) {
    Compressor<ByteBuf> compressor =
        lz4 ? new Lz4BodyCompressor(ALLOCATOR, 1 << 20) : Compressor.none();
    return new SegmentCodec<>(PRIMITIVES, compressor);
  }

  @Test
  void should_compute_crc24_and_crc32_as_the_driver_does() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      long bytes = random.nextLong();
      int length = 1 + random.nextInt(8);
      long masked = length == 8 ? bytes : bytes & ((1L << (8 * length)) - 1);
      assertThat(SegmentCrc.crc24(masked, length)).isEqualTo(Crc.computeCrc24(masked, length));

      byte[] payload = new byte[random.nextInt(300)];
      random.nextBytes(payload);
      ByteBuf buffer = Unpooled.wrappedBuffer(payload);
      assertThat(SegmentCrc.crc32(buffer)).isEqualTo(Crc.computeCrc32(buffer, PRIMITIVES));
      assertThat(buffer.readerIndex()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void should_encode_segments_the_driver_decodes(boolean lz4) throws CrcMismatchException {
    for (byte[] payload : payloads()) {
      ByteBuf segment = format(lz4).encode(ALLOCATOR, Unpooled.wrappedBuffer(payload), payload.length % 2 == 0);
      SegmentCodec<ByteBuf> codec = driverCodec(lz4);

      SegmentCodec.Header header = codec.decodeHeader(segment);
      Segment<ByteBuf> decoded = codec.decode(header, segment.readRetainedSlice(segment.readableBytes()));

      assertThat(decoded.isSelfContained).isEqualTo(payload.length % 2 == 0);
      assertThat(bytes(decoded.payload)).isEqualTo(payload);
      segment.release();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void should_decode_segments_the_driver_encodes(boolean lz4) {
    for (byte[] payload : payloads()) {
      List<Object> parts = new ArrayList<>();
      driverCodec(lz4).encode(new Segment<>(Unpooled.wrappedBuffer(payload), true), parts);
      ByteBuf segment = Unpooled.wrappedBuffer(parts.stream().map(ByteBuf.class::cast).toArray(ByteBuf[]::new));

      SegmentFormat.Header header = format(lz4).decodeHeader(segment);
      ByteBuf decoded = format(lz4).decodePayload(header, segment);

      assertThat(header.selfContained()).isTrue();
      assertThat(bytes(decoded)).isEqualTo(payload);
      decoded.release();
    }
  }

  @Test
  void should_send_an_incompressible_payload_as_is_with_uncompressed_length_zero() {
    byte[] random = new byte[1000];
    new Random(7).nextBytes(random);

    ByteBuf segment = format(true).encode(ALLOCATOR, Unpooled.wrappedBuffer(random), true);

    SegmentFormat.Header header = format(true).decodeHeader(segment.duplicate());
    assertThat(header.payloadLength()).isEqualTo(1000);
    assertThat(header.uncompressedLength()).isZero();
    assertThat(segment.readableBytes()).isEqualTo(5 + 3 + 1000 + 4);
    segment.release();
  }

  @Test
  void should_lay_out_an_uncompressed_header_little_endian() {
    ByteBuf segment = format(false).encode(ALLOCATOR, Unpooled.wrappedBuffer(new byte[0x10203]), true);

    // 17-bit length 0x10203, then the self-contained bit (bit 17)
    assertThat(segment.getUnsignedByte(0)).isEqualTo((short) 0x03);
    assertThat(segment.getUnsignedByte(1)).isEqualTo((short) 0x02);
    assertThat(segment.getUnsignedByte(2)).isEqualTo((short) 0x03);
    assertThat(segment.readableBytes()).isEqualTo(3 + 3 + 0x10203 + 4);
    segment.release();
  }

  @Test
  void should_refuse_a_payload_over_128_KiB_minus_one() {
    assertThatThrownBy(
            () -> format(false).encode(ALLOCATOR, Unpooled.wrappedBuffer(new byte[1 << 17]), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment payload: 131072 bytes (expected: <= 131071)");
  }

  @Test
  void should_reject_a_header_whose_crc24_does_not_match() {
    ByteBuf segment = format(false).encode(ALLOCATOR, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), true);
    segment.setByte(0, segment.getByte(0) ^ 0x01);

    assertThatThrownBy(() -> format(false).decodeHeader(segment))
        .isInstanceOf(CorruptSegmentException.class)
        .hasMessageStartingWith("invalid, unrecoverable CRC mismatch detected in frame header. Read ");
  }

  @Test
  void should_reject_a_payload_whose_crc32_does_not_match() {
    ByteBuf segment = format(false).encode(ALLOCATOR, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), true);
    segment.setByte(6, 9);

    SegmentFormat.Header header = format(false).decodeHeader(segment);
    assertThatThrownBy(() -> format(false).decodePayload(header, segment))
        .isInstanceOf(CorruptSegmentException.class)
        .hasMessageStartingWith("invalid, unrecoverable CRC mismatch detected in frame body. Read ");
  }

  private static List<byte[]> payloads() {
    byte[] text = new byte[70_000];
    Arrays.fill(text, (byte) 'a');
    byte[] random = new byte[SegmentFormat.MAX_PAYLOAD_BYTES];
    new Random(1).nextBytes(random);
    return List.of(new byte[0], new byte[] {42}, text, random);
  }

  private static byte[] bytes(ByteBuf buffer) {
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    return bytes;
  }
}
