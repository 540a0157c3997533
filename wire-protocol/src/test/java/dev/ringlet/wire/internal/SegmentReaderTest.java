package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Inbound v5 framing through the connection's {@link FrameDecoder}, once it has switched. */
class SegmentReaderTest {

  private static final int MAX_BODY = 1 << 20;
  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

  private final SegmentFormat format = new SegmentFormat(null);
  private final EmbeddedChannel channel = segmentedChannel();

  private static EmbeddedChannel segmentedChannel() {
    NegotiatedCodec negotiated = new NegotiatedCodec(new FrameCodecs(ALLOCATOR, MAX_BODY));
    negotiated.negotiate(5, null);
    return new EmbeddedChannel(new FrameDecoder(MAX_BODY, negotiated));
  }

  @Test
  void should_emit_every_envelope_of_a_self_contained_segment_when_fed_byte_by_byte() {
    byte[] first = FrameBytes.frame(0x05, 0, 1, 0x07, new byte[] {1, 2});
    byte[] second = FrameBytes.frame(0x05, 0, 2, 0x05, new byte[0]);
    byte[] segment = segment(FrameBytes.concat(first, second), true);

    for (byte b : segment) {
      assertThat((Object) channel.readInbound()).isNull();
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }

    InboundFrame.Complete one = channel.readInbound();
    InboundFrame.Complete two = channel.readInbound();
    assertThat(one.header()).isEqualTo(new FrameHeader(0x05, 0, 1, 0x07, 2));
    assertThat(bytes(one.bytes())).isEqualTo(first);
    assertThat(two.header().streamId()).isEqualTo(2);
    assertThat(bytes(two.bytes())).isEqualTo(second);
  }

  @Test
  void should_join_a_large_envelope_split_over_non_self_contained_segments() {
    byte[] body = new byte[300_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    byte[] envelope = FrameBytes.frame(0x05, 0, 9, 0x07, body);
    int max = SegmentFormat.MAX_PAYLOAD_BYTES;

    channel.writeInbound(Unpooled.wrappedBuffer(segment(Arrays.copyOfRange(envelope, 0, max), false)));
    channel.writeInbound(Unpooled.wrappedBuffer(segment(Arrays.copyOfRange(envelope, max, 2 * max), false)));
    assertThat((Object) channel.readInbound()).isNull();
    channel.writeInbound(
        Unpooled.wrappedBuffer(segment(Arrays.copyOfRange(envelope, 2 * max, envelope.length), false)));

    InboundFrame.Complete joined = channel.readInbound();
    assertThat(joined.header().bodyLength()).isEqualTo(300_000);
    assertThat(bytes(joined.bytes())).isEqualTo(envelope);
  }

  @Test
  void should_skip_an_oversized_large_envelope_and_report_it_after_its_last_segment() {
    NegotiatedCodec negotiated = new NegotiatedCodec(new FrameCodecs(ALLOCATOR, 1024));
    negotiated.negotiate(5, null);
    EmbeddedChannel small = new EmbeddedChannel(new FrameDecoder(1024, negotiated));
    byte[] envelope = FrameBytes.frame(0x05, 0, 4, 0x07, new byte[200_000]);
    int max = SegmentFormat.MAX_PAYLOAD_BYTES;

    small.writeInbound(Unpooled.wrappedBuffer(segment(Arrays.copyOfRange(envelope, 0, max), false)));
    assertThat((Object) small.readInbound()).isNull();
    small.writeInbound(Unpooled.wrappedBuffer(segment(Arrays.copyOfRange(envelope, max, envelope.length), false)));
    small.writeInbound(Unpooled.wrappedBuffer(segment(FrameBytes.frame(0x05, 0, 5, 0x05, new byte[0]), true)));

    InboundFrame.Oversized oversized = small.readInbound();
    InboundFrame.Complete next = small.readInbound();
    assertThat(oversized.header().streamId()).isEqualTo(4);
    assertThat(oversized.header().bodyLength()).isEqualTo(200_000);
    assertThat(next.header().streamId()).isEqualTo(5);
    next.bytes().release();
  }

  @Test
  void should_fail_and_drop_everything_after_a_corrupt_segment() {
    byte[] good = segment(FrameBytes.frame(0x05, 0, 1, 0x05, new byte[0]), true);
    byte[] corrupt = good.clone();
    corrupt[corrupt.length - 1] ^= 0x55;

    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(corrupt)))
        .isInstanceOf(DecoderException.class)
        .hasCauseInstanceOf(CorruptSegmentException.class)
        .hasMessageContaining("invalid, unrecoverable CRC mismatch detected in frame body");
    channel.writeInbound(Unpooled.wrappedBuffer(good));

    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void should_fail_when_a_self_contained_segment_cuts_an_envelope() {
    byte[] envelope = FrameBytes.frame(0x05, 0, 1, 0x07, new byte[10]);

    assertThatThrownBy(
            () -> channel.writeInbound(
                Unpooled.wrappedBuffer(segment(Arrays.copyOf(envelope, envelope.length - 1), true))))
        .hasCauseInstanceOf(CorruptSegmentException.class)
        .hasMessageContaining("self-contained segment ends inside an envelope of 19 bytes");
  }

  private byte[] segment(byte[] payload, boolean selfContained) {
    return bytes(format.encode(ALLOCATOR, Unpooled.wrappedBuffer(payload), selfContained));
  }

  private static byte[] bytes(ByteBuf buffer) {
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    buffer.release();
    return bytes;
  }
}
