package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The segment layer of protocol v5 ({@code native_protocol_v5.spec}, section 2), used once
 * STARTUP has been answered. Every field is little-endian:
 *
 * <pre>
 * uncompressed:  | payload length:17 | self-contained:1 | pad:6 | CRC24:24 | payload | CRC32:32 |
 *                 &lt;------------- 3 header bytes ------------&gt;
 * lz4:           | compressed length:17 | uncompressed length:17 | self-contained:1 | pad:5 |
 *                | CRC24:24 | payload (raw LZ4 block, or as is when uncompressed length = 0) | CRC32:32 |
 *                 &lt;-------------------------- 5 header bytes -----------------------&gt;
 * </pre>
 *
 * A payload holds at most {@value #MAX_PAYLOAD_BYTES} bytes: either one or more whole envelopes
 * (self-contained), or a part of one envelope too big for a segment. The CRC24 covers the header
 * bytes, the CRC32 the payload as sent (see {@link SegmentCrc}). With lz4, a payload that does not
 * shrink is sent as is, with an uncompressed length of 0. One instance per negotiated compression;
 * stateless.
 */
final class SegmentFormat {

  static final int MAX_PAYLOAD_BYTES = (1 << 17) - 1;
  static final int CRC24_BYTES = 3;
  static final int CRC32_BYTES = 4;

  private static final int UNCOMPRESSED_HEADER_BYTES = 3;
  private static final int COMPRESSED_HEADER_BYTES = 5;

  /** The decoded header fields; {@code uncompressedLength} is -1 without compression. */
  record Header(int payloadLength, int uncompressedLength, boolean selfContained) {}

  private final Compressor<ByteBuf> lz4;

  /** @param lz4 the raw-block LZ4 compressor, or {@code null} for uncompressed segments */
  SegmentFormat(Compressor<ByteBuf> lz4) {
    this.lz4 = lz4;
  }

  boolean compressed() {
    return lz4 != null;
  }

  /** Header bytes without the CRC24: 3, or 5 with compression. */
  int headerBytes() {
    return lz4 == null ? UNCOMPRESSED_HEADER_BYTES : COMPRESSED_HEADER_BYTES;
  }

  /**
   * One whole segment for {@code payload} (at most {@link #MAX_PAYLOAD_BYTES} readable bytes),
   * which it reads but does not release.
   */
  ByteBuf encode(ByteBufAllocator allocator, ByteBuf payload, boolean selfContained) {
    int length = payload.readableBytes();
    if (length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "segment payload: " + length + " bytes (expected: <= " + MAX_PAYLOAD_BYTES + ")");
    }
    ByteBuf wire = payload;
    int uncompressedLength = 0;
    ByteBuf compressed = null;
    if (lz4 != null && length > 0) {
      compressed = lz4.compressWithoutLength(payload.duplicate());
      if (compressed.readableBytes() < length) {
        wire = compressed;
        uncompressedLength = length;
      }
    }
    try {
      long header = wire.readableBytes();
      int flagBit = 17;
      if (lz4 != null) {
        header |= (long) uncompressedLength << 17;
        flagBit += 17;
      }
      if (selfContained) {
        header |= 1L << flagBit;
      }
      int headerBytes = headerBytes();
      ByteBuf out =
          allocator.buffer(headerBytes + CRC24_BYTES + wire.readableBytes() + CRC32_BYTES);
      writeLittleEndian(out, header, headerBytes);
      writeLittleEndian(out, SegmentCrc.crc24(header, headerBytes), CRC24_BYTES);
      out.writeBytes(wire, wire.readerIndex(), wire.readableBytes());
      writeLittleEndian(out, SegmentCrc.crc32(wire), CRC32_BYTES);
      return out;
    } finally {
      if (compressed != null) {
        compressed.release();
      }
    }
  }

  /**
   * Reads and checks a header; {@code in} must hold {@link #headerBytes()} + 3 readable bytes.
   *
   * @throws CorruptSegmentException when the CRC24 does not match
   */
  Header decodeHeader(ByteBuf in) {
    int headerBytes = headerBytes();
    long header = readLittleEndian(in, headerBytes);
    int sent = (int) readLittleEndian(in, CRC24_BYTES);
    int computed = SegmentCrc.crc24(header, headerBytes);
    if (sent != computed) {
      throw new CorruptSegmentException("header", sent, computed);
    }
    int payloadLength = (int) (header & MAX_PAYLOAD_BYTES);
    header >>>= 17;
    int uncompressedLength = -1;
    if (lz4 != null) {
      uncompressedLength = (int) (header & MAX_PAYLOAD_BYTES);
      header >>>= 17;
    }
    return new Header(payloadLength, uncompressedLength, (header & 1) == 1);
  }

  /**
   * Reads a payload and its CRC32 ({@code in} must hold {@code payloadLength + 4} readable bytes)
   * and decompresses it. The caller releases the result.
   *
   * @throws CorruptSegmentException when the CRC32 does not match
   * @throws CorruptBodyException when the payload is not valid LZ4
   */
  ByteBuf decodePayload(Header header, ByteBuf in) {
    ByteBuf wire = in.readRetainedSlice(header.payloadLength());
    int sent = (int) readLittleEndian(in, CRC32_BYTES);
    int computed = SegmentCrc.crc32(wire);
    if (sent != computed) {
      wire.release();
      throw new CorruptSegmentException("body", sent, computed);
    }
    if (lz4 == null || header.uncompressedLength() == 0) {
      return wire;
    }
    try {
      return lz4.decompressWithoutLength(wire, header.uncompressedLength());
    } finally {
      wire.release();
    }
  }

  private static void writeLittleEndian(ByteBuf out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.writeByte((int) (value >>> (8 * i)) & 0xff);
    }
  }

  private static long readLittleEndian(ByteBuf in, int bytes) {
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value |= (long) in.readUnsignedByte() << (8 * i);
    }
    return value;
  }
}
