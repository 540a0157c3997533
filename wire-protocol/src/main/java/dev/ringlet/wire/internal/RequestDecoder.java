package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Frames to request messages. Checks what the header promises (opcode, direction, version, flags)
 * and decodes the body with the connection's {@link NegotiatedCodec}. Anything wrong is thrown as a
 * {@link RequestRejectedException} carrying the stream id and Cassandra's wording; the connection
 * handler answers it.
 */
final class RequestDecoder extends MessageToMessageDecoder<InboundFrame> {

  private final NegotiatedCodec negotiated;
  private final ByteBufPrimitiveCodec primitives;

  RequestDecoder(NegotiatedCodec negotiated) {
    super(InboundFrame.class);
    this.negotiated = negotiated;
    this.primitives = new ByteBufPrimitiveCodec(ByteBufAllocator.DEFAULT);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, InboundFrame frame, List<Object> out) {
    if (frame instanceof InboundFrame.Complete complete) {
      try {
        out.add(decodeComplete(complete.header(), complete));
      } finally {
        complete.bytes().release();
      }
    } else if (frame instanceof InboundFrame.Oversized oversized) {
      throw tooBig(oversized);
    }
  }

  private Frame decodeComplete(FrameHeader header, InboundFrame.Complete frame) {
    checkOpcode(header);
    checkVersion(header);
    if (header.version() < ProtocolVersions.V4 && header.hasFlag(FrameHeader.FLAG_CUSTOM_PAYLOAD)) {
      throw reject(header, "Received frame with CUSTOM_PAYLOAD flag for native protocol version < 4");
    }
    try {
      if (header.opcode() == Opcode.STARTUP.code) {
        return decodeStartup(header, frame.bytes());
      }
      return negotiated.current().decode(frame.bytes());
    } catch (CorruptBodyException e) {
      throw reject(header, e.getMessage());
    } catch (RuntimeException e) {
      String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw reject(header, "Invalid " + Opcode.ofCode(header.opcode()) + " message body: " + detail);
    }
  }

  /** STARTUP bodies are never compressed: a [string map], after the custom payload if flagged. */
  private Frame decodeStartup(FrameHeader header, ByteBuf bytes) {
    ByteBuf body = bytes.skipBytes(FrameHeader.LENGTH);
    Map<String, ByteBuffer> payload =
        header.hasFlag(FrameHeader.FLAG_CUSTOM_PAYLOAD)
            ? primitives.readBytesMap(body)
            : Frame.NO_PAYLOAD;
    StartupRequest startup = new StartupRequest(primitives.readStringMap(body));
    int size = (int) header.bodyLength();
    return new Frame(
        header.version(), false, header.streamId(), header.hasFlag(FrameHeader.FLAG_TRACING),
        null, size, size, payload, List.of(), startup);
  }

  private static void checkOpcode(FrameHeader header) {
    Opcode opcode = Opcode.ofCode(header.opcode());
    if (opcode == null) {
      throw reject(header, "Unknown opcode " + header.opcode());
    }
    String sent = header.isResponseDirection() ? "RESPONSE" : "REQUEST";
    if (!opcode.direction().equals(sent)) {
      throw reject(
          header,
          "Wrong protocol direction (expected " + opcode.direction() + ", got " + sent
              + ") for opcode " + opcode.code + " (" + opcode + ")");
    }
  }

  private void checkVersion(FrameHeader header) {
    int agreed = negotiated.version();
    if (agreed != NegotiatedCodec.NOT_NEGOTIATED && header.version() != agreed) {
      // Cassandra 5.0's v5 message handler words it without the space.
      String previous = agreed >= ProtocolVersions.V5 ? " but previousmessages" : " but previous messages";
      throw reject(
          header,
          "Invalid message version. Got " + ProtocolVersions.name(header.version())
              + previous + " on this connection had version " + ProtocolVersions.name(agreed));
    }
  }

  private static RequestRejectedException tooBig(InboundFrame.Oversized frame) {
    FrameHeader header = frame.header();
    if (header.version() >= ProtocolVersions.V5) {
      // v5 envelopes arrive in segments; Cassandra's large-message check words it this way.
      return new RequestRejectedException(
          header.version(),
          header.streamId(),
          ErrorCode.INVALID,
          "CQL Message of size " + header.bodyLength() + " bytes exceeds allowed maximum of "
              + frame.maxBodyBytes() + " bytes");
    }
    // Cassandra counts the header in both numbers.
    long length = FrameHeader.LENGTH + header.bodyLength();
    long max = FrameHeader.LENGTH + (long) frame.maxBodyBytes();
    return new RequestRejectedException(
        header.version(),
        header.streamId(),
        ErrorCode.INVALID,
        "Request is too big: length " + length + " exceeds maximum allowed length " + max + ".");
  }

  private static RequestRejectedException reject(FrameHeader header, String message) {
    return new RequestRejectedException(
        header.version(), header.streamId(), ErrorCode.PROTOCOL_ERROR, message);
  }
}
