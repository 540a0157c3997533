package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;

/**
 * Response frames to bytes, with the connection's current codec (compressed bodies once a v3/v4
 * connection negotiated it). Pre-encoded buffers (the unsupported-version reply) pass through
 * untouched.
 *
 * <p>Once a v5 connection uses segments ({@link NegotiatedCodec#segments()}), envelopes written
 * before a flush are encoded straight into one self-contained segment payload of up to 128 KiB - 1
 * bytes (a new one is started when the next envelope does not fit), and an envelope bigger than
 * that is cut into non-self-contained segments, as Cassandra's flusher does. A write's promise
 * completes when the segment carrying (the end of) its envelope is written. An envelope that
 * cannot be encoded fails its promise with an {@link EncoderException}, as a {@code
 * MessageToMessageEncoder} would, and leaves nothing in the segment.
 */
final class ResponseEncoder extends ChannelOutboundHandlerAdapter {

  /** The first capacity of a segment payload: a batch of small answers fits without growing it. */
  private static final int FIRST_PAYLOAD_BYTES = 4096;

  private final NegotiatedCodec negotiated;
  /** The self-contained segment payload being filled (v5), or null. */
  private ByteBuf open;
  /** The promises of the envelopes in {@link #open}. */
  private List<ChannelPromise> openPromises = new ArrayList<>();

  ResponseEncoder(NegotiatedCodec negotiated) {
    this.negotiated = negotiated;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    SegmentFormat segments = negotiated.segments();
    if (!(msg instanceof Frame frame)) {
      if (open != null) {
        closeSegment(ctx, segments);
      }
      ctx.write(msg, promise);
      return;
    }
    if (segments != null) {
      writeEnvelope(ctx, segments, frame, promise);
      return;
    }
    ByteBuf envelope;
    try {
      envelope = negotiated.current().encode(frame);
    } catch (RuntimeException e) {
      promise.tryFailure(new EncoderException(e));
      return;
    }
    ctx.write(envelope, promise);
  }

  private void writeEnvelope(
      ChannelHandlerContext ctx, SegmentFormat format, Frame frame, ChannelPromise promise) {
    // At v5 the codec never compresses bodies (segments do), so the size is known up front.
    FrameCodec<ByteBuf> codec = negotiated.current();
    int bodyBytes;
    int envelopeBytes;
    try {
      bodyBytes = codec.encodedBodySize(frame);
      envelopeBytes = codec.encodedHeaderSize(frame) + bodyBytes;
    } catch (RuntimeException e) {
      promise.tryFailure(new EncoderException(e));
      return;
    }
    if (open != null && open.readableBytes() + envelopeBytes > SegmentFormat.MAX_PAYLOAD_BYTES) {
      closeSegment(ctx, format);
    }
    if (envelopeBytes > SegmentFormat.MAX_PAYLOAD_BYTES) {
      ByteBuf envelope;
      try {
        envelope = codec.encode(frame);
      } catch (RuntimeException e) {
        promise.tryFailure(new EncoderException(e));
        return;
      }
      writeLarge(ctx, format, envelope, promise);
      return;
    }
    if (open == null) {
      open = ctx.alloc().buffer(Math.max(envelopeBytes, FIRST_PAYLOAD_BYTES), SegmentFormat.MAX_PAYLOAD_BYTES);
    }
    int start = open.writerIndex();
    try {
      codec.encodeInto(frame, bodyBytes, open);
    } catch (RuntimeException e) {
      open.writerIndex(start);
      promise.tryFailure(new EncoderException(e));
      return;
    }
    openPromises.add(promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (open != null) {
      closeSegment(ctx, negotiated.segments());
    }
    ctx.flush();
  }

  /** Writes the open payload as one self-contained segment. */
  private void closeSegment(ChannelHandlerContext ctx, SegmentFormat format) {
    ByteBuf payload = open;
    List<ChannelPromise> promises = openPromises;
    open = null;
    openPromises = new ArrayList<>();
    writeSegment(ctx, format, payload, true, promises);
  }

  private static void writeLarge(
      ChannelHandlerContext ctx, SegmentFormat format, ByteBuf envelope, ChannelPromise promise) {
    try {
      while (envelope.isReadable()) {
        int length = Math.min(SegmentFormat.MAX_PAYLOAD_BYTES, envelope.readableBytes());
        ByteBuf part = envelope.readRetainedSlice(length);
        List<ChannelPromise> promises = envelope.isReadable() ? List.of() : List.of(promise);
        writeSegment(ctx, format, part, false, promises);
      }
    } finally {
      envelope.release();
    }
  }

  /** Writes one segment for {@code payload} (released here) and completes {@code promises}. */
  private static void writeSegment(
      ChannelHandlerContext ctx,
      SegmentFormat format,
      ByteBuf payload,
      boolean selfContained,
      List<ChannelPromise> promises) {
    ByteBuf segment;
    try {
      segment = format.encode(ctx.alloc(), payload, selfContained);
    } finally {
      payload.release();
    }
    ChannelPromise written = ctx.newPromise();
    written.addListener(future -> complete(promises, (ChannelFuture) future));
    ctx.write(segment, written);
  }

  private static void complete(List<ChannelPromise> promises, ChannelFuture written) {
    for (ChannelPromise promise : promises) {
      if (written.isSuccess()) {
        promise.trySuccess();
      } else {
        promise.tryFailure(written.cause());
      }
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (open != null) {
      open.release();
      open = null;
      for (ChannelPromise promise : openPromises) {
        promise.tryFailure(new IllegalStateException("connection closed before flush"));
      }
      openPromises = new ArrayList<>();
    }
  }
}
