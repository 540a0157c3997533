package dev.ringlet.wire.internal;

import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.RequestProcessor;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds each connection's pipeline, one direction per handler:
 *
 * <pre>
 *  inbound:  bytes -> BackpressureHandler -> FrameDecoder -> RequestDecoder -> ConnectionStateHandler
 *  outbound: ConnectionStateHandler / RequestDispatcher -> ResponseEncoder -> bytes
 * </pre>
 *
 * A v5 connection keeps the same handlers: once its STARTUP is answered, {@link NegotiatedCodec}
 * switches FrameDecoder and ResponseEncoder to segments in place.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {

  private final ProtocolServerConfig config;
  private final RequestProcessor processor;
  private final FrameCodecs codecs;
  private final ResponseFactory responses;
  private final ConnectionRegistry registry;
  private final AtomicLong connectionIds = new AtomicLong();

  ConnectionInitializer(
      ProtocolServerConfig config,
      RequestProcessor processor,
      FrameCodecs codecs,
      ResponseFactory responses,
      ConnectionRegistry registry) {
    this.config = config;
    this.processor = processor;
    this.codecs = codecs;
    this.responses = responses;
    this.registry = registry;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    NegotiatedCodec negotiated = new NegotiatedCodec(codecs);
    ConnectionStateHandler state =
        new ConnectionStateHandler(
            connectionIds.incrementAndGet(), processor, negotiated, config.cqlVersion(), responses);
    channel
        .pipeline()
        .addLast("backpressure", new BackpressureHandler())
        .addLast("frameDecoder", new FrameDecoder(config.maxFrameBytes(), negotiated))
        .addLast("requestDecoder", new RequestDecoder(negotiated))
        .addLast("responseEncoder", new ResponseEncoder(negotiated))
        .addLast("connectionState", state);
    registry.add(channel, state);
  }
}
