package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.FrameCodec;
import io.netty.buffer.ByteBuf;

/**
 * What one connection has agreed on with its client: the protocol version (none until STARTUP is
 * accepted), the frame codec, which compresses bodies once a v3/v4 STARTUP asked for it, and from
 * v5 on the segment format (compression moves from bodies to segments). Shared by the connection's
 * decoder, encoder and state handler, all on the connection's event loop.
 */
final class NegotiatedCodec {

  static final int NOT_NEGOTIATED = 0;

  private final FrameCodecs codecs;
  private volatile int version = NOT_NEGOTIATED;
  private volatile FrameCodec<ByteBuf> current;
  private volatile SegmentFormat segments;

  NegotiatedCodec(FrameCodecs codecs) {
    this.codecs = codecs;
    this.current = codecs.plain();
  }

  int version() {
    return version;
  }

  FrameCodec<ByteBuf> current() {
    return current;
  }

  /** The v5 segment format once the connection uses segments, else {@code null}. */
  SegmentFormat segments() {
    return segments;
  }

  /**
   * Fixes the version and turns compression on; called right after READY (or AUTHENTICATE) is
   * written. From v5 on, both directions switch to segments from the next byte.
   */
  void negotiate(int version, String compression) {
    this.version = version;
    if (version >= ProtocolVersions.V5) {
      this.current = codecs.plain();
      this.segments = codecs.segmentsFor(compression);
    } else {
      this.current = codecs.forCompression(compression);
    }
  }
}
