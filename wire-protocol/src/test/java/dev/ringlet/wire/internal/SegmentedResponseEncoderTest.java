package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Ready;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outbound v5 framing: how {@link ResponseEncoder} packs and splits envelopes into segments. */
class SegmentedResponseEncoderTest {

  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

  private final SegmentFormat format = new SegmentFormat(null);
  private final EmbeddedChannel channel = segmentedChannel();

  private static EmbeddedChannel segmentedChannel() {
    NegotiatedCodec negotiated = new NegotiatedCodec(new FrameCodecs(ALLOCATOR, 1 << 20));
    negotiated.negotiate(5, null);
    return new EmbeddedChannel(new ResponseEncoder(negotiated));
  }

  private static Frame answer(int streamId, int messageLength) {
    return Frame.forResponse(5, streamId, null, Frame.NO_PAYLOAD, List.of(),
        new Error(ErrorCode.INVALID, "m".repeat(messageLength)));
  }

  @Test
  void should_pack_the_envelopes_written_before_a_flush_into_one_self_contained_segment() {
    ChannelFuture first = channel.write(answer(1, 10));
    ChannelFuture second = channel.write(Frame.forResponse(5, 2, null, Frame.NO_PAYLOAD, List.of(), new Ready()));
    assertThat((Object) channel.readOutbound()).isNull();

    channel.flush();

    ByteBuf segment = channel.readOutbound();
    SegmentFormat.Header header = format.decodeHeader(segment);
    ByteBuf payload = format.decodePayload(header, segment);
    assertThat(header.selfContained()).isTrue();
    assertThat(payload.getShort(2)).isEqualTo((short) 1);
    int firstLength = 9 + payload.getInt(5);
    assertThat(payload.getShort(firstLength + 2)).isEqualTo((short) 2);
    assertThat(payload.readableBytes()).isEqualTo(firstLength + 9);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(first.isSuccess()).isTrue();
    assertThat(second.isSuccess()).isTrue();
    payload.release();
    segment.release();
  }

  @Test
  void should_fail_an_unencodable_envelope_and_pack_the_others_without_it() {
    ChannelFuture first = channel.write(answer(1, 10));
    ChannelFuture unencodable = channel.write(
        Frame.forResponse(5, 2, null, Frame.NO_PAYLOAD, List.of(), new Error(ErrorCode.INVALID, null)));
    ChannelFuture third = channel.write(answer(3, 10));

    channel.flush();

    assertThat(unencodable.cause()).isInstanceOf(io.netty.handler.codec.EncoderException.class);
    ByteBuf segment = channel.readOutbound();
    ByteBuf payload = format.decodePayload(format.decodeHeader(segment), segment);
    int firstLength = 9 + payload.getInt(5);
    assertThat(payload.getShort(2)).isEqualTo((short) 1);
    assertThat(payload.getShort(firstLength + 2)).isEqualTo((short) 3);
    assertThat(payload.readableBytes()).isEqualTo(2 * firstLength);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(first.isSuccess()).isTrue();
    assertThat(third.isSuccess()).isTrue();
    payload.release();
    segment.release();
  }

  @Test
  void should_start_a_new_self_contained_segment_when_the_next_envelope_does_not_fit() {
    Frame big = answer(3, 60_000);
    Frame small = answer(4, 5);
    ByteBuf all = Unpooled.buffer();

    channel.write(big);
    channel.write(big);
    channel.write(big);
    channel.write(small);
    channel.flush();

    int segments = 0;
    ByteBuf segment;
    while ((segment = channel.readOutbound()) != null) {
      SegmentFormat.Header header = format.decodeHeader(segment);
      ByteBuf payload = format.decodePayload(header, segment);
      assertThat(header.payloadLength()).isLessThanOrEqualTo(SegmentFormat.MAX_PAYLOAD_BYTES);
      assertThat(header.selfContained()).isTrue();
      all.writeBytes(payload);
      payload.release();
      segment.release();
      segments++;
    }

    // two 60 KB envelopes share a segment; the third does not fit and starts the next, with the small one
    assertThat(segments).isEqualTo(2);
    assertThat(all.readableBytes()).isEqualTo(3 * (9 + 4 + 2 + 60_000) + (9 + 4 + 2 + 5));
    assertThat(all.getShort(2)).isEqualTo((short) 3);
  }

  @Test
  void should_cut_one_huge_envelope_into_parts_that_join_back_to_it() {
    EmbeddedChannel encoder = segmentedChannel();
    Frame huge = Frame.forResponse(5, 6, null, Frame.NO_PAYLOAD, List.of(),
        new com.datastax.oss.protocol.internal.response.Supported(
            java.util.Map.of("K", java.util.Collections.nCopies(30_000, "value-xyz"))));

    ChannelFuture written = encoder.writeAndFlush(huge);

    ByteBuf joined = Unpooled.buffer();
    int parts = 0;
    ByteBuf segment;
    while ((segment = encoder.readOutbound()) != null) {
      SegmentFormat.Header header = format.decodeHeader(segment);
      ByteBuf payload = format.decodePayload(header, segment);
      assertThat(header.selfContained()).isFalse();
      joined.writeBytes(payload);
      payload.release();
      segment.release();
      parts++;
    }
    assertThat(parts).isGreaterThan(2);
    assertThat(joined.readableBytes()).isEqualTo(9 + joined.getInt(5));
    assertThat(joined.getShort(2)).isEqualTo((short) 6);
    assertThat(written.isSuccess()).isTrue();
  }
}
