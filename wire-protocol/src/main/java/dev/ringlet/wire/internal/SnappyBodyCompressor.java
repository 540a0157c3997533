package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Snappy frame bodies: the whole body is one raw Snappy block (no framing format, no length
 * prefix; Snappy's own varint header carries the uncompressed length, which is checked against the
 * frame limit before anything is allocated).
 */
final class SnappyBodyCompressor implements Compressor<ByteBuf> {

  private final ByteBufAllocator allocator;
  private final int maxUncompressedBytes;

  SnappyBodyCompressor(ByteBufAllocator allocator, int maxUncompressedBytes) {
    this.allocator = allocator;
    this.maxUncompressedBytes = maxUncompressedBytes;
  }

  @Override
  public String algorithm() {
    return "snappy";
  }

  @Override
  public ByteBuf compress(ByteBuf uncompressed) {
    return compressWithoutLength(uncompressed);
  }

  @Override
  public ByteBuf decompress(ByteBuf compressed) {
    byte[] input = readAll(compressed);
    // Cassandra's wording for a body that is not Snappy data.
    String notSnappy = "Provided frame does not appear to be Snappy compressed";
    int length;
    try {
      if (!Snappy.isValidCompressedBuffer(input)) {
        throw new CorruptBodyException(notSnappy);
      }
      length = Snappy.uncompressedLength(input);
    } catch (IOException e) {
      throw new CorruptBodyException(notSnappy, e);
    }
    if (length < 0 || length > maxUncompressedBytes) {
      throw new CorruptBodyException(
          "snappy uncompressed length: " + length + " (expected: 0-" + maxUncompressedBytes + ")");
    }
    try {
      byte[] output = new byte[length];
      int written = Snappy.uncompress(input, 0, input.length, output, 0);
      return allocator.heapBuffer(written).writeBytes(output, 0, written);
    } catch (IOException e) {
      throw new CorruptBodyException(notSnappy, e);
    }
  }

  @Override
  public ByteBuf compressWithoutLength(ByteBuf uncompressed) {
    try {
      return Unpooled.wrappedBuffer(Snappy.compress(readAll(uncompressed)));
    } catch (IOException e) {
      throw new IllegalStateException("snappy compression failed", e);
    }
  }

  @Override
  public ByteBuf decompressWithoutLength(ByteBuf compressed, int uncompressedLength) {
    return decompress(compressed);
  }

  private static byte[] readAll(ByteBuf source) {
    byte[] bytes = new byte[source.readableBytes()];
    source.readBytes(bytes);
    return bytes;
  }
}
