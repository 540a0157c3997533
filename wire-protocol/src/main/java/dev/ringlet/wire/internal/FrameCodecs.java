package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * One server's frame codecs (plain, lz4 and snappy bodies for v3/v4) and v5 segment formats
 * (plain and lz4). Stateless, shared by its connections.
 */
final class FrameCodecs {

  static final List<String> COMPRESSIONS = List.of("lz4", "snappy");

  private final FrameCodec<ByteBuf> plain;
  private final FrameCodec<ByteBuf> lz4;
  private final FrameCodec<ByteBuf> snappy;
  private final SegmentFormat plainSegments;
  private final SegmentFormat lz4Segments;

  FrameCodecs(ByteBufAllocator allocator, int maxFrameBytes) {
    ByteBufPrimitiveCodec primitives = new ByteBufPrimitiveCodec(allocator);
    this.plain = FrameCodec.defaultServer(primitives, Compressor.none());
    Lz4BodyCompressor lz4Compressor = new Lz4BodyCompressor(allocator, maxFrameBytes);
    this.lz4 = FrameCodec.defaultServer(primitives, lz4Compressor);
    this.plainSegments = new SegmentFormat(null);
    this.lz4Segments = new SegmentFormat(lz4Compressor);
    this.snappy =
        FrameCodec.defaultServer(primitives, new SnappyBodyCompressor(allocator, maxFrameBytes));
  }

  FrameCodec<ByteBuf> plain() {
    return plain;
  }

  /**
   * @param compression "lz4", "snappy", or {@code null} for none
   */
  FrameCodec<ByteBuf> forCompression(String compression) {
    if (compression == null) {
      return plain;
    }
    return switch (compression) {
      case "lz4" -> lz4;
      case "snappy" -> snappy;
      default -> throw new IllegalArgumentException(
          "compression: " + compression + " (expected: one of " + COMPRESSIONS + ")");
    };
  }

  /**
   * @param compression "lz4" or {@code null} for none (snappy is refused at STARTUP for v5)
   */
  SegmentFormat segmentsFor(String compression) {
    if (compression == null) {
      return plainSegments;
    }
    if (compression.equals("lz4")) {
      return lz4Segments;
    }
    throw new IllegalArgumentException(
        "compression: " + compression + " (expected: lz4 or none with protocol v5)");
  }
}
