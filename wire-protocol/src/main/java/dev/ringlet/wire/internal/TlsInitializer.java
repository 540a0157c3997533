package dev.ringlet.wire.internal;

import dev.ringlet.wire.ClientTls;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;

/**
 * Puts TLS in front of a connection's CQL pipeline: an {@link SslHandler} (or, in optional mode, a
 * {@link TlsDetector} that decides from the first bytes), then the CQL handlers of {@code cql}.
 * Kept apart from {@link ConnectionInitializer} so the CQL pipeline does not know about TLS.
 */
@ChannelHandler.Sharable
final class TlsInitializer extends ChannelInitializer<SocketChannel> {

  static final String HANDLER_NAME = "tls";

  private final ClientTls tls;
  private final ChannelInitializer<SocketChannel> cql;

  TlsInitializer(ClientTls tls, ChannelInitializer<SocketChannel> cql) {
    this.tls = tls;
    this.cql = cql;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    channel.pipeline().addLast(HANDLER_NAME, tls.optional() ? new TlsDetector(tls) : new SslHandler(tls.newEngine()));
    // Added to a registered channel, the CQL initializer runs at once and removes itself.
    channel.pipeline().addLast(cql);
  }
}
