package dev.ringlet.wire.internal;

import dev.ringlet.wire.ClientTls;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * Optional TLS ({@code client_encryption_options.optional: true}): waits for the first five bytes of
 * a connection, the length of a TLS record header, and replaces itself with an {@link SslHandler}
 * when they are one (a ClientHello), or simply leaves when they are not (a plain CQL frame header
 * is never a valid TLS record header: its first byte is a protocol version, 0x03-0x06, where a TLS
 * record starts with a content type, 0x14-0x18). Cassandra decides the same way.
 */
final class TlsDetector extends ByteToMessageDecoder {

  /** A TLS record header: content type (1), version (2), length (2). */
  static final int HEADER_BYTES = 5;

  private final ClientTls tls;

  TlsDetector(ClientTls tls) {
    this.tls = tls;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < HEADER_BYTES) {
      return;
    }
    if (SslHandler.isEncrypted(in)) {
      ctx.pipeline().replace(this, TlsInitializer.HANDLER_NAME, new SslHandler(tls.newEngine()));
    } else {
      // Removing a ByteToMessageDecoder passes the bytes it holds on to the next handler.
      ctx.pipeline().remove(this);
    }
  }
}
