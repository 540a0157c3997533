package dev.ringlet.wire.internal;

import io.netty.buffer.ByteBuf;

/** What {@link FrameDecoder} cuts out of the byte stream: a whole frame, or a refused one. */
sealed interface InboundFrame {

  FrameHeader header();

  /** A complete frame: {@code bytes} holds the header and the body; the receiver releases it. */
  record Complete(FrameHeader header, ByteBuf bytes) implements InboundFrame {}

  /** A frame whose body was over the limit: it was skipped without being buffered. */
  record Oversized(FrameHeader header, int maxBodyBytes) implements InboundFrame {}
}
