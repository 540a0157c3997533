package dev.ringlet.wire.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Hand-built frames, for inputs the client codec refuses to produce. */
final class FrameBytes {

  private FrameBytes() {}

  static byte[] frame(int versionByte, int flags, int streamId, int opcode, byte[] body) {
    ByteBuf out = Unpooled.buffer();
    out.writeByte(versionByte).writeByte(flags).writeShort(streamId).writeByte(opcode);
    out.writeInt(body.length).writeBytes(body);
    return bytes(out);
  }

  static byte[] header(int versionByte, int streamId, int opcode, long bodyLength) {
    ByteBuf out = Unpooled.buffer();
    out.writeByte(versionByte).writeByte(0).writeShort(streamId).writeByte(opcode);
    out.writeInt((int) bodyLength);
    return bytes(out);
  }

  static byte[] stringMap(Map<String, String> map) {
    ByteBuf out = Unpooled.buffer();
    out.writeShort(map.size());
    map.forEach((k, v) -> {
      writeString(out, k);
      writeString(out, v);
    });
    return bytes(out);
  }

  static byte[] concat(byte[]... parts) {
    ByteBuf out = Unpooled.buffer();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return bytes(out);
  }

  private static void writeString(ByteBuf out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length).writeBytes(bytes);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }
}
