package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Response frames to bytes, with the connection's current codec (compressed once negotiated).
 * Pre-encoded buffers (the unsupported-version reply) pass through untouched.
 */
final class ResponseEncoder extends MessageToMessageEncoder<Frame> {

  private final NegotiatedCodec negotiated;

  ResponseEncoder(NegotiatedCodec negotiated) {
    super(Frame.class);
    this.negotiated = negotiated;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
    out.add(negotiated.current().encode(frame));
  }
}
