package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The PROTOCOL_ERROR frame that answers a client speaking an unsupported version, framed the way
 * that client reads frames (the codecs only know v3+, so it is written by hand):
 *
 * <pre>
 * v1/v2 (8-byte header):  [0x80|v][flags=0][stream:1][opcode=0x00][length:4][body]
 * v3+   (9-byte header):  [0x80|v][flags=0][stream:2][opcode=0x00][length:4][body]
 * body:                   [int error code = 0x000A][string message]
 * </pre>
 *
 * The header carries the client's own version so its decoder accepts the frame; the Java driver
 * reads the message and retries one version lower.
 */
final class UnsupportedVersionReply {

  private static final int OPCODE_ERROR = 0x00;

  private UnsupportedVersionReply() {}

  static ByteBuf encode(ByteBufAllocator allocator, UnsupportedVersionException error) {
    byte[] message = error.getMessage().getBytes(StandardCharsets.UTF_8);
    int bodyLength = 4 + 2 + message.length;
    ByteBuf out = allocator.buffer(9 + bodyLength);
    out.writeByte(0x80 | error.version());
    out.writeByte(0);
    if (error.version() < ProtocolVersions.V3) {
      out.writeByte(error.streamId());
    } else {
      out.writeShort(error.streamId());
    }
    out.writeByte(OPCODE_ERROR);
    out.writeInt(bodyLength);
    out.writeInt(ErrorCode.PROTOCOL_ERROR);
    out.writeShort(message.length);
    out.writeBytes(message);
    return out;
  }
}
