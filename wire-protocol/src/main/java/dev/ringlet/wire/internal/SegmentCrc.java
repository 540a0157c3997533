package dev.ringlet.wire.internal;

import io.netty.buffer.ByteBuf;
import java.util.zip.CRC32;

/**
 * The two checksums of a protocol v5 segment, as the spec ({@code native_protocol_v5.spec},
 * section 2.2) defines them:
 *
 * <ul>
 *   <li><b>CRC24</b> over the 3- or 5-byte header, read least-significant byte first: initial value
 *       {@code 0x875060}, polynomial {@code 0x1974F0B} (Koopman's), no reflection, no final xor.
 *   <li><b>CRC32</b> (the ordinary zlib CRC32) over the four bytes {@code FA 2D 55 CA} followed by
 *       the payload exactly as it is on the wire (compressed, when it is).
 * </ul>
 *
 * Both are written little-endian right after what they protect. Pure functions.
 */
final class SegmentCrc {

  private static final int CRC24_INIT = 0x875060;
  private static final int CRC24_POLY = 0x1974F0B;
  private static final byte[] CRC32_PREFIX = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

  private SegmentCrc() {}

  /**
   * @param bytes up to 8 bytes, the first one in the least significant position
   * @param length how many of them count (1-8)
   */
  static int crc24(long bytes, int length) {
    int crc = CRC24_INIT;
    long remaining = bytes;
    for (int i = 0; i < length; i++) {
      crc ^= (int) (remaining & 0xff) << 16;
      remaining >>>= 8;
      for (int bit = 0; bit < 8; bit++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= CRC24_POLY;
        }
      }
    }
    return crc;
  }

  /** The CRC32 of the readable bytes of {@code payload}; does not move its reader index. */
  static int crc32(ByteBuf payload) {
    CRC32 crc = new CRC32();
    crc.update(CRC32_PREFIX);
    if (payload.isReadable()) {
      for (java.nio.ByteBuffer part : payload.nioBuffers(payload.readerIndex(), payload.readableBytes())) {
        crc.update(part);
      }
    }
    return (int) crc.getValue();
  }
}
