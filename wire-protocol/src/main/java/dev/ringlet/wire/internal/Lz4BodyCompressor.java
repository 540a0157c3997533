package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 frame bodies in Cassandra's v3/v4 layout:
 *
 * <pre>
 * +---------------------------+-------------------------------+
 * | uncompressed length (int) | LZ4 block (no LZ4 frame hdr)  |
 * |  4 bytes, big-endian      |                               |
 * +---------------------------+-------------------------------+
 * </pre>
 *
 * The declared length is checked against the frame limit before anything is allocated, and the
 * block is decoded with the safe decompressor, so a hostile body cannot make the server allocate
 * more than the limit or read out of bounds.
 */
final class Lz4BodyCompressor implements Compressor<ByteBuf> {

  private final ByteBufAllocator allocator;
  private final int maxUncompressedBytes;
  private final LZ4Compressor compressor;
  private final LZ4SafeDecompressor decompressor;

  Lz4BodyCompressor(ByteBufAllocator allocator, int maxUncompressedBytes) {
    this.allocator = allocator;
    this.maxUncompressedBytes = maxUncompressedBytes;
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = factory.fastCompressor();
    this.decompressor = factory.safeDecompressor();
  }

  @Override
  public String algorithm() {
    return "lz4";
  }

  @Override
  public ByteBuf compress(ByteBuf uncompressed) {
    int length = uncompressed.readableBytes();
    byte[] block = compressor.compress(readAll(uncompressed));
    return allocator.heapBuffer(4 + block.length).writeInt(length).writeBytes(block);
  }

  @Override
  public ByteBuf decompress(ByteBuf compressed) {
    if (compressed.readableBytes() < 4) {
      throw new CorruptBodyException(
          "lz4 body of " + compressed.readableBytes()
              + " bytes (expected: at least 4 bytes of uncompressed length)");
    }
    int uncompressedLength = compressed.readInt();
    if (uncompressedLength < 0 || uncompressedLength > maxUncompressedBytes) {
      throw new CorruptBodyException(
          "lz4 uncompressed length: " + uncompressedLength + " (expected: 0-"
              + maxUncompressedBytes + ")");
    }
    return decompressWithoutLength(compressed, uncompressedLength);
  }

  @Override
  public ByteBuf compressWithoutLength(ByteBuf uncompressed) {
    byte[] input = readAll(uncompressed);
    byte[] output = compressor.compress(input);
    return Unpooled.wrappedBuffer(output);
  }

  @Override
  public ByteBuf decompressWithoutLength(ByteBuf compressed, int uncompressedLength) {
    byte[] input = readAll(compressed);
    byte[] output = new byte[uncompressedLength];
    int written;
    try {
      written = decompressor.decompress(input, 0, input.length, output, 0, uncompressedLength);
    } catch (LZ4Exception e) {
      throw new CorruptBodyException("Invalid lz4 compressed body: " + e.getMessage(), e);
    }
    if (written != uncompressedLength) {
      throw new CorruptBodyException(
          "lz4 body decompressed to " + written + " bytes (expected: " + uncompressedLength + ")");
    }
    return allocator.heapBuffer(uncompressedLength).writeBytes(output);
  }

  private static byte[] readAll(ByteBuf source) {
    byte[] bytes = new byte[source.readableBytes()];
    source.readBytes(bytes);
    return bytes;
  }
}
