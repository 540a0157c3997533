package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.Compressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A v5 test client over a {@link RawClient} that has been answered its STARTUP: sends envelopes in
 * segments and reads segments back into envelopes, remembering how each answer was framed.
 */
final class SegmentedClient {

  /** One segment as read: its header fields. */
  record ReadSegment(int payloadLength, boolean selfContained) {}

  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

  private final RawClient raw;
  private final SegmentFormat format;
  private final FrameCodec<ByteBuf> codec = RawClient.clientCodec(Compressor.none());
  private final Deque<Frame> envelopes = new ArrayDeque<>();
  final List<ReadSegment> segmentsRead = new ArrayList<>();

  SegmentedClient(RawClient raw, boolean lz4) {
    this.raw = raw;
    this.format = new SegmentFormat(lz4 ? new Lz4BodyCompressor(ALLOCATOR, 1 << 24) : null);
  }

  /** Sends the frames packed into one self-contained segment, or one large frame split up. */
  void send(Frame... frames) {
    ByteBuf all = Unpooled.buffer();
    for (Frame frame : frames) {
      ByteBuf encoded = codec.encode(frame);
      all.writeBytes(encoded);
      encoded.release();
    }
    boolean selfContained = all.readableBytes() <= SegmentFormat.MAX_PAYLOAD_BYTES;
    while (all.isReadable()) {
      ByteBuf part = all.readSlice(Math.min(SegmentFormat.MAX_PAYLOAD_BYTES, all.readableBytes()));
      sendSegment(part, selfContained);
    }
  }

  void sendSegment(ByteBuf payload, boolean selfContained) {
    ByteBuf segment = format.encode(ALLOCATOR, payload, selfContained);
    byte[] bytes = new byte[segment.readableBytes()];
    segment.readBytes(bytes);
    segment.release();
    raw.sendBytes(bytes);
  }

  Message request(int streamId, Message message) {
    send(Frame.forRequest(5, streamId, false, Frame.NO_PAYLOAD, message));
    return read().message;
  }

  /** The next envelope, reading as many segments as it takes. */
  Frame read() {
    ByteBuf large = Unpooled.buffer();
    while (envelopes.isEmpty()) {
      ByteBuf header = Unpooled.wrappedBuffer(raw.readExactly(format.headerBytes() + 3));
      SegmentFormat.Header decoded = format.decodeHeader(header);
      segmentsRead.add(new ReadSegment(decoded.payloadLength(), decoded.selfContained()));
      ByteBuf rest = Unpooled.wrappedBuffer(raw.readExactly(decoded.payloadLength() + 4));
      ByteBuf payload = format.decodePayload(decoded, rest);
      if (decoded.selfContained()) {
        while (payload.isReadable()) {
          envelopes.add(codec.decode(payload));
        }
      } else {
        large.writeBytes(payload);
        if (large.readableBytes() >= 9 && large.readableBytes() == 9 + large.getInt(5)) {
          envelopes.add(codec.decode(large));
        }
      }
      payload.release();
    }
    return envelopes.poll();
  }
}
