package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class BodyCompressorTest {

  private static final byte[] TEXT =
      "SELECT * FROM system.local WHERE key='local' ".repeat(20).getBytes(StandardCharsets.UTF_8);

  private final Lz4BodyCompressor lz4 = new Lz4BodyCompressor(ByteBufAllocator.DEFAULT, 4096);
  private final SnappyBodyCompressor snappy = new SnappyBodyCompressor(ByteBufAllocator.DEFAULT, 4096);

  @Test
  void should_write_length_prefix_then_lz4_block_when_compressing() {
    ByteBuf compressed = lz4.compress(Unpooled.wrappedBuffer(TEXT));

    assertThat(compressed.readInt()).isEqualTo(TEXT.length);
    byte[] block = bytes(compressed);
    assertThat(LZ4Factory.safeInstance().fastDecompressor().decompress(block, TEXT.length))
        .isEqualTo(TEXT);
  }

  @Test
  void should_round_trip_when_lz4() {
    ByteBuf compressed = lz4.compress(Unpooled.wrappedBuffer(TEXT));
    ByteBuf back = lz4.decompress(compressed);
    compressed.release();

    assertThat(bytes(back)).isEqualTo(TEXT);
  }

  @Test
  void should_refuse_lz4_body_when_declared_length_is_over_the_limit() {
    ByteBuf body = Unpooled.buffer().writeInt(1 << 30).writeBytes(new byte[] {1, 2, 3});

    assertThatThrownBy(() -> lz4.decompress(body))
        .isInstanceOf(CorruptBodyException.class)
        .hasMessage("lz4 uncompressed length: 1073741824 (expected: 0-4096)");
  }

  @Test
  void should_refuse_lz4_body_when_block_is_garbage() {
    ByteBuf body = Unpooled.buffer().writeInt(100).writeBytes(new byte[] {(byte) 0xF0, 1, 2});

    assertThatThrownBy(() -> lz4.decompress(body)).isInstanceOf(CorruptBodyException.class);
  }

  @Test
  void should_write_raw_snappy_when_compressing() throws Exception {
    ByteBuf compressed = snappy.compress(Unpooled.wrappedBuffer(TEXT));

    assertThat(Snappy.uncompress(bytes(compressed))).isEqualTo(TEXT);
  }

  @Test
  void should_round_trip_when_snappy() {
    ByteBuf compressed = snappy.compress(Unpooled.wrappedBuffer(TEXT));
    ByteBuf back = snappy.decompress(compressed);
    compressed.release();

    assertThat(bytes(back)).isEqualTo(TEXT);
  }

  @Test
  void should_refuse_snappy_body_when_not_snappy() {
    assertThatThrownBy(() -> snappy.decompress(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 1})))
        .isInstanceOf(CorruptBodyException.class)
        .hasMessage("Provided frame does not appear to be Snappy compressed");
  }

  /** Reads the rest of the buffer and releases it. */
  private static byte[] bytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    return bytes;
  }
}
