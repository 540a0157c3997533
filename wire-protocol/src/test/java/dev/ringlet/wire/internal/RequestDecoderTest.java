package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.Query;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {

  private final NegotiatedCodec negotiated =
      new NegotiatedCodec(new FrameCodecs(ByteBufAllocator.DEFAULT, 1024));
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new FrameDecoder(1024), new RequestDecoder(negotiated));

  @Test
  void should_decode_query_when_fed_byte_by_byte() {
    byte[] bytes = encode(Frame.forRequest(4, 17, false, Frame.NO_PAYLOAD, new Query("SELECT 1")));

    for (byte b : bytes) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }

    Frame frame = channel.readInbound();
    assertThat(frame.streamId).isEqualTo(17);
    assertThat(((Query) frame.message).query).isEqualTo("SELECT 1");
  }

  @Test
  void should_reject_with_stream_id_when_opcode_is_unknown() {
    assertRejected(
        FrameBytes.frame(0x04, 0, 5, 0x42, new byte[0]),
        5,
        ErrorCode.PROTOCOL_ERROR,
        "Unknown opcode 66");
  }

  @Test
  void should_reject_when_client_sends_response_direction() {
    assertRejected(
        FrameBytes.frame(0x84, 0, 6, 0x07, new byte[0]),
        6,
        ErrorCode.PROTOCOL_ERROR,
        "Wrong protocol direction (expected REQUEST, got RESPONSE) for opcode 7 (QUERY)");
  }

  @Test
  void should_reject_as_invalid_when_frame_was_oversized() {
    assertRejected(
        FrameBytes.frame(0x04, 0, 7, 0x07, new byte[1025]),
        7,
        ErrorCode.INVALID,
        "Request is too big: length 1034 exceeds maximum allowed length 1033.");
  }

  @Test
  void should_reject_when_version_changes_after_startup() {
    negotiated.negotiate(4, null);

    assertRejected(
        FrameBytes.frame(0x03, 0, 8, 0x05, new byte[0]),
        8,
        ErrorCode.PROTOCOL_ERROR,
        "Invalid message version. Got 3/v3 but previous messages on this connection had version 4/v4");
  }

  @Test
  void should_reject_when_v3_frame_has_custom_payload_flag() {
    assertRejected(
        FrameBytes.frame(0x03, FrameHeader.FLAG_CUSTOM_PAYLOAD, 9, 0x05, new byte[0]),
        9,
        ErrorCode.PROTOCOL_ERROR,
        "Received frame with CUSTOM_PAYLOAD flag for native protocol version < 4");
  }

  @Test
  void should_reject_when_compressed_body_is_corrupt() {
    negotiated.negotiate(4, "lz4");

    assertRejected(
        FrameBytes.frame(0x04, FrameHeader.FLAG_COMPRESSED, 10, 0x07, new byte[] {0, 0, 0x10, 0, 1}),
        10,
        ErrorCode.PROTOCOL_ERROR,
        "lz4 uncompressed length: 4096 (expected: 0-1024)");
  }

  private void assertRejected(byte[] bytes, int streamId, int code, String message) {
    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)))
        .cause()
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> {
              assertThat(e.streamId()).isEqualTo(streamId);
              assertThat(e.errorCode()).isEqualTo(code);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  private static byte[] encode(Frame frame) {
    ByteBuf encoded = RawClient.clientCodec(com.datastax.oss.protocol.internal.Compressor.none()).encode(frame);
    byte[] bytes = new byte[encoded.readableBytes()];
    encoded.readBytes(bytes);
    encoded.release();
    return bytes;
  }
}
