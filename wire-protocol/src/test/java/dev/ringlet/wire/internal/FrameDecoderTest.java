package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private static final int MAX_BODY = 1024;

  private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX_BODY));

  @Test
  void should_emit_one_frame_when_fed_byte_by_byte() {
    byte[] frame = FrameBytes.frame(0x04, 0x02, 300, 0x07, new byte[] {9, 8, 7});

    for (int i = 0; i < frame.length - 1; i++) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[i]}));
      assertThat((Object) channel.readInbound()).isNull();
    }
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[frame.length - 1]}));

    InboundFrame.Complete decoded = channel.readInbound();
    assertThat(decoded.header())
        .isEqualTo(new FrameHeader(0x04, 0x02, 300, 0x07, 3));
    assertThat(decoded.bytes().readableBytes()).isEqualTo(frame.length);
    decoded.bytes().release();
  }

  @Test
  void should_emit_every_frame_when_several_arrive_in_one_buffer() {
    byte[] both =
        FrameBytes.concat(
            FrameBytes.frame(0x03, 0, 1, 0x05, new byte[0]),
            FrameBytes.frame(0x03, 0, 2, 0x05, new byte[0]));

    channel.writeInbound(Unpooled.wrappedBuffer(both));

    InboundFrame.Complete first = channel.readInbound();
    InboundFrame.Complete second = channel.readInbound();
    assertThat(first.header().streamId()).isEqualTo(1);
    assertThat(second.header().streamId()).isEqualTo(2);
    first.bytes().release();
    second.bytes().release();
  }

  @Test
  void should_accept_frame_when_body_is_exactly_the_limit() {
    channel.writeInbound(Unpooled.wrappedBuffer(FrameBytes.frame(0x04, 0, 1, 0x07, new byte[MAX_BODY])));

    InboundFrame.Complete decoded = channel.readInbound();
    assertThat(decoded.header().bodyLength()).isEqualTo(MAX_BODY);
    decoded.bytes().release();
  }

  @Test
  void should_skip_without_buffering_when_body_is_over_the_limit() {
    long hugeBody = 3L * 1024 * 1024 * 1024; // 3 GiB: would not even fit an array
    channel.writeInbound(Unpooled.wrappedBuffer(FrameBytes.header(0x04, 42, 0x07, hugeBody)));

    InboundFrame.Oversized pending = channel.readInbound();
    assertThat(pending).isNull();
    ByteBuf chunk = Unpooled.wrappedBuffer(new byte[64 * 1024]);
    channel.writeInbound(chunk);
    // the decoder consumed the chunk instead of accumulating it
    assertThat(chunk.refCnt()).isZero();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void should_report_oversized_frame_then_decode_next_one_when_body_was_skipped() {
    byte[] oversized = FrameBytes.frame(0x04, 0, 42, 0x07, new byte[MAX_BODY + 1]);
    byte[] next = FrameBytes.frame(0x04, 0, 43, 0x05, new byte[0]);
    byte[] all = FrameBytes.concat(oversized, next);

    for (byte b : all) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }

    InboundFrame.Oversized refused = channel.readInbound();
    InboundFrame.Complete following = channel.readInbound();
    assertThat(refused.header().streamId()).isEqualTo(42);
    assertThat(refused.header().bodyLength()).isEqualTo(MAX_BODY + 1);
    assertThat(following.header().streamId()).isEqualTo(43);
    following.bytes().release();
  }

  @Test
  void should_throw_with_stream_id_when_version_is_v6() {
    byte[] frame = FrameBytes.frame(0x06, 0, 0x0203, 0x01, new byte[0]);

    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(frame)))
        .isInstanceOf(DecoderException.class)
        .cause()
        .isInstanceOfSatisfying(
            UnsupportedVersionException.class,
            e -> {
              assertThat(e.version()).isEqualTo(6);
              assertThat(e.streamId()).isEqualTo(0x0203);
            });
  }

  @Test
  void should_throw_with_one_byte_stream_id_when_version_is_v2() {
    byte[] v2Header = new byte[] {0x02, 0, 9, 0x01, 0, 0, 0, 0};

    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(v2Header)))
        .cause()
        .isInstanceOfSatisfying(
            UnsupportedVersionException.class, e -> assertThat(e.streamId()).isEqualTo(9));
  }

  @Test
  void should_drop_everything_when_version_was_refused() {
    byte[] frame = FrameBytes.frame(0x06, 0, 1, 0x01, new byte[0]);
    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(frame)));

    channel.writeInbound(Unpooled.wrappedBuffer(FrameBytes.frame(0x04, 0, 2, 0x05, new byte[0])));

    assertThat((Object) channel.readInbound()).isNull();
  }
}
