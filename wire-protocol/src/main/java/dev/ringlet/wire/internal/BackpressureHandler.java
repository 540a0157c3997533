package dev.ringlet.wire.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stops reading a client's requests while its unsent responses are above the channel's high write
 * watermark ({@code maxPendingResponseBytes}) and reads again once they drain below the low one.
 * A client that never reads therefore holds at most the watermark plus the answers to the requests
 * already read.
 */
final class BackpressureHandler extends ChannelInboundHandlerAdapter {

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }
}
