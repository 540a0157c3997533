package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.FrameCodec;
import io.netty.buffer.ByteBuf;

/**
 * What one connection has agreed on with its client: the protocol version (none until STARTUP is
 * accepted) and the frame codec, which compresses once STARTUP asked for it. Shared by the
 * connection's decoder, encoder and state handler, all on the connection's event loop.
 */
final class NegotiatedCodec {

  static final int NOT_NEGOTIATED = 0;

  private final FrameCodecs codecs;
  private volatile int version = NOT_NEGOTIATED;
  private volatile FrameCodec<ByteBuf> current;

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

  /** Fixes the version and turns compression on; called right after READY is written. */
  void negotiate(int version, String compression) {
    this.version = version;
    this.current = codecs.forCompression(compression);
  }
}
