package dev.ringlet.wire.internal;

import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.RequestProcessor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds each connection's pipeline, one direction per handler:
 *
 * <pre>
 *  inbound:  bytes -> BackpressureHandler -> FrameDecoder -> RequestDecoder -> ConnectionStateHandler
 *  outbound: ConnectionStateHandler / RequestDispatcher -> flush consolidation -> ResponseEncoder -> bytes
 * </pre>
 *
 * <p>Answers completed while the connection's read is being processed are written at once but
 * flushed together when the read batch ends (Netty's {@link FlushConsolidationHandler}): a driver
 * with many requests in flight sends them in batches, and one flush per batch is one socket write
 * (and at v5 one segment) instead of one per answer. An answer completed outside a read (on another
 * thread, an event) is flushed at once, as before.
 *
 * <p>A v5 connection keeps the same handlers: once its STARTUP is answered, {@link NegotiatedCodec}
 * switches FrameDecoder and ResponseEncoder to segments in place.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {

  /**
   * Answers held back within one read batch at most: a client sending a long batch still gets
   * its first answers early (Netty's own default).
   */
  static final int FLUSH_AT_LATEST_AFTER = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;

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
    initialize(channel);
  }

  /** Builds {@code channel}'s pipeline (any channel whose addresses are internet addresses). */
  void initialize(Channel channel) {
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
        .addLast("flushConsolidation", new FlushConsolidationHandler(FLUSH_AT_LATEST_AFTER, false))
        .addLast("connectionState", state);
    registry.add(channel, state);
  }
}
