package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.wire.ClientTls;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Optional TLS: the first five bytes of a connection choose between TLS and plain CQL. */
class TlsDetectorTest {

  private static final ClientTls OPTIONAL = new ClientTls(defaultContext(), true, false);

  @Test
  void should_wait_for_a_whole_record_header_before_deciding() {
    EmbeddedChannel channel = new EmbeddedChannel(new TlsDetector(OPTIONAL));

    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x00}));

    assertThat(channel.pipeline().get(TlsDetector.class)).isNotNull();
    assertThat(channel.pipeline().get(SslHandler.class)).isNull();
    assertThat((Object) channel.readInbound()).isNull();
    channel.finishAndReleaseAll();
  }

  @Test
  void should_hand_a_plain_cql_frame_on_unchanged_and_leave() {
    EmbeddedChannel channel = new EmbeddedChannel(new TlsDetector(OPTIONAL));
    // A v4 OPTIONS request: version 0x04, flags, stream 0, opcode 0x05, empty body; arriving in two pieces
    byte[] options = {0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00};

    channel.writeInbound(Unpooled.wrappedBuffer(options, 0, 3));
    channel.writeInbound(Unpooled.wrappedBuffer(options, 3, 6));

    assertThat(channel.pipeline().get(TlsDetector.class)).isNull();
    assertThat(channel.pipeline().get(SslHandler.class)).isNull();
    ByteBuf passed = channel.readInbound();
    byte[] seen = new byte[passed.readableBytes()];
    passed.readBytes(seen);
    passed.release();
    assertThat(seen).containsExactly(options);
    channel.finishAndReleaseAll();
  }

  @Test
  void should_replace_itself_with_an_ssl_handler_on_a_tls_handshake_record() {
    EmbeddedChannel channel = new EmbeddedChannel(new TlsDetector(OPTIONAL));
    // A TLS record header: handshake (0x16), TLS 1.0 record version, length 5; then a truncated ClientHello
    byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01};

    channel.writeInbound(Unpooled.wrappedBuffer(hello));

    assertThat(channel.pipeline().get(TlsDetector.class)).isNull();
    assertThat(channel.pipeline().get(TlsInitializer.HANDLER_NAME)).isInstanceOf(SslHandler.class);
    assertThat(((SslHandler) channel.pipeline().get(TlsInitializer.HANDLER_NAME)).engine().getUseClientMode()).isFalse();
    channel.finishAndReleaseAll();
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
