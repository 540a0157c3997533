package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
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
 * before a flush are packed together into self-contained segments of up to 128 KiB - 1 payload
 * bytes, and an envelope bigger than that is cut into non-self-contained segments, as Cassandra's
 * flusher does. A write's promise completes when the segment carrying (the end of) its envelope
 * is written. An envelope that cannot be encoded fails its promise with an {@link
 * EncoderException}, as a {@code MessageToMessageEncoder} would.
 */
final class ResponseEncoder extends ChannelOutboundHandlerAdapter {

  private record Pending(ByteBuf envelope, ChannelPromise promise) {}

  private final NegotiatedCodec negotiated;
  private final List<Pending> pending = new ArrayList<>();

  ResponseEncoder(NegotiatedCodec negotiated) {
    this.negotiated = negotiated;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof Frame frame)) {
      ctx.write(msg, promise);
      return;
    }
    ByteBuf envelope;
    try {
      envelope = negotiated.current().encode(frame);
    } catch (RuntimeException e) {
      promise.tryFailure(new EncoderException(e));
      return;
    }
    if (negotiated.segments() == null) {
      ctx.write(envelope, promise);
    } else {
      pending.add(new Pending(envelope, promise));
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (!pending.isEmpty()) {
      writeSegments(ctx, negotiated.segments());
    }
    ctx.flush();
  }

  private void writeSegments(ChannelHandlerContext ctx, SegmentFormat format) {
    // A copy: completing a promise below may write (an error answer) and so add to pending.
    Pending[] batch = pending.toArray(new Pending[0]);
    pending.clear();
    long unpacked = 0;
    for (Pending item : batch) {
      unpacked += item.envelope().readableBytes();
    }
    ByteBuf payload = null;
    List<ChannelPromise> promises = new ArrayList<>(batch.length);
    for (Pending item : batch) {
      int length = item.envelope().readableBytes();
      unpacked -= length;
      if (payload != null && payload.readableBytes() + length > SegmentFormat.MAX_PAYLOAD_BYTES) {
        writeSegment(ctx, format, payload, true, promises);
        payload = null;
        promises = new ArrayList<>();
      }
      if (length > SegmentFormat.MAX_PAYLOAD_BYTES) {
        writeLarge(ctx, format, item);
        continue;
      }
      if (payload == null) {
        // Sized for this envelope and the ones after it, up to one segment's payload.
        payload = ctx.alloc().buffer((int) Math.min(SegmentFormat.MAX_PAYLOAD_BYTES, length + unpacked));
      }
      payload.writeBytes(item.envelope());
      item.envelope().release();
      promises.add(item.promise());
    }
    if (payload != null) {
      writeSegment(ctx, format, payload, true, promises);
    }
  }

  private static void writeLarge(ChannelHandlerContext ctx, SegmentFormat format, Pending item) {
    ByteBuf envelope = item.envelope();
    try {
      while (envelope.isReadable()) {
        int length = Math.min(SegmentFormat.MAX_PAYLOAD_BYTES, envelope.readableBytes());
        ByteBuf part = envelope.readRetainedSlice(length);
        List<ChannelPromise> promises =
            envelope.isReadable() ? List.of() : List.of(item.promise());
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
    for (Pending item : pending) {
      item.envelope().release();
      item.promise().tryFailure(new IllegalStateException("connection closed before flush"));
    }
    pending.clear();
  }
}
