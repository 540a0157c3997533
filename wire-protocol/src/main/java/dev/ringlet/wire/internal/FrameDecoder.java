package dev.ringlet.wire.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to frames: finds frame boundaries on the 9-byte v3/v4/v5 header (body length at offset 5)
 * and emits each frame as an {@link InboundFrame.Complete}. Knows nothing of opcodes or bodies.
 * Once a v5 connection has been answered its STARTUP, {@link NegotiatedCodec#segments()} is set
 * and the bytes are v5 segments instead: a {@link SegmentReader} takes over, and a corrupt segment
 * ({@link CorruptSegmentException}) makes the decoder drop every later byte.
 *
 * <p>A frame whose body is over the limit is skipped as its bytes arrive, never buffered, and
 * reported as an {@link InboundFrame.Oversized} once it is all skipped (so answers keep the order of
 * requests). A first byte naming a version other than 3, 4 or 5 cannot be framed at all (v1/v2 headers
 * are 8 bytes, later versions may be segmented): the decoder throws {@link
 * UnsupportedVersionException} with the stream id and drops every later byte.
 */
final class FrameDecoder extends ByteToMessageDecoder {

  private enum State {
    READING_HEADER,
    SKIPPING_OVERSIZED,
    READING_SEGMENTS,
    REJECTING
  }

  /** v1/v2 and v3+ headers both have the stream id within the first 4 bytes. */
  private static final int BYTES_FOR_STREAM_ID = 4;

  private final int maxBodyBytes;
  private final NegotiatedCodec negotiated;
  private State state = State.READING_HEADER;
  private SegmentReader segments;
  private FrameHeader skippedHeader;
  private long bytesToSkip;

  /** A decoder that never switches to v5 segments. */
  FrameDecoder(int maxBodyBytes) {
    this(maxBodyBytes, null);
  }

  /** @param negotiated tells when a v5 connection switches to segments; null for never */
  FrameDecoder(int maxBodyBytes, NegotiatedCodec negotiated) {
    this.maxBodyBytes = maxBodyBytes;
    this.negotiated = negotiated;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (state == State.READING_HEADER && negotiated != null && negotiated.segments() != null) {
      state = State.READING_SEGMENTS;
      segments = new SegmentReader(negotiated.segments(), maxBodyBytes, ctx.alloc());
    }
    switch (state) {
      case READING_HEADER -> readFrame(in, out);
      case SKIPPING_OVERSIZED -> skipOversized(in, out);
      case READING_SEGMENTS -> readSegments(ctx, in, out);
      case REJECTING -> in.skipBytes(in.readableBytes());
    }
  }

  private void readSegments(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      segments.read(in, out);
    } catch (CorruptSegmentException | CorruptBodyException e) {
      state = State.REJECTING;
      in.skipBytes(in.readableBytes());
      segments.release();
      String message = e instanceof CorruptSegmentException corrupt
          ? corrupt.messageFor(ctx.channel().id().asShortText())
          : e.getMessage();
      throw new CorruptSegmentException(message);
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    if (segments != null) {
      segments.release();
    }
  }

  private void readFrame(ByteBuf in, List<Object> out) {
    if (!in.isReadable()) {
      return;
    }
    int start = in.readerIndex();
    int version = in.getByte(start) & 0x7f;
    if (!ProtocolVersions.isSupported(version)) {
      rejectVersion(in, version);
      return;
    }
    if (in.readableBytes() < FrameHeader.LENGTH) {
      return;
    }
    FrameHeader header =
        new FrameHeader(
            in.getUnsignedByte(start),
            in.getUnsignedByte(start + 1),
            in.getShort(start + 2),
            in.getUnsignedByte(start + 4),
            in.getUnsignedInt(start + 5));
    if (header.bodyLength() > maxBodyBytes) {
      state = State.SKIPPING_OVERSIZED;
      skippedHeader = header;
      bytesToSkip = FrameHeader.LENGTH + header.bodyLength();
      skipOversized(in, out);
      return;
    }
    int frameLength = FrameHeader.LENGTH + (int) header.bodyLength();
    if (in.readableBytes() < frameLength) {
      return;
    }
    out.add(new InboundFrame.Complete(header, in.readRetainedSlice(frameLength)));
  }

  private void rejectVersion(ByteBuf in, int version) {
    if (in.readableBytes() < BYTES_FOR_STREAM_ID) {
      return;
    }
    int start = in.readerIndex();
    int streamId = version < 3 ? in.getByte(start + 2) : in.getShort(start + 2);
    state = State.REJECTING;
    in.skipBytes(in.readableBytes());
    throw new UnsupportedVersionException(version, streamId);
  }

  private void skipOversized(ByteBuf in, List<Object> out) {
    int skipped = (int) Math.min(bytesToSkip, in.readableBytes());
    in.skipBytes(skipped);
    bytesToSkip -= skipped;
    if (bytesToSkip == 0) {
      out.add(new InboundFrame.Oversized(skippedHeader, maxBodyBytes));
      skippedHeader = null;
      state = State.READING_HEADER;
    }
  }
}
