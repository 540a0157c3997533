package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.response.Event;
import dev.ringlet.wire.ClientTls;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.WireResources;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** A bound CQL native protocol server on shared {@link NettyResources}. */
public final class NettyProtocolServer implements ProtocolServer {

  private final Channel serverChannel;
  private final ConnectionRegistry registry;

  private NettyProtocolServer(Channel serverChannel, ConnectionRegistry registry) {
    this.serverChannel = serverChannel;
    this.registry = registry;
  }

  public static ProtocolServer start(
      ProtocolServerConfig config, RequestProcessor processor, WireResources resources) {
    return start(config, processor, resources, UUID::randomUUID);
  }

  /** @param tls how clients connect over TLS, or null for plain connections only */
  public static ProtocolServer start(
      ProtocolServerConfig config, ClientTls tls, RequestProcessor processor, WireResources resources) {
    return start(config, tls, processor, resources, UUID::randomUUID);
  }

  static NettyProtocolServer start(
      ProtocolServerConfig config,
      RequestProcessor processor,
      WireResources resources,
      Supplier<UUID> tracingIds) {
    return start(config, null, processor, resources, tracingIds);
  }

  /**
   * @param tracingIds makes up tracing session ids when a traced request's answer has none
   */
  static NettyProtocolServer start(
      ProtocolServerConfig config,
      ClientTls tls,
      RequestProcessor processor,
      WireResources resources,
      Supplier<UUID> tracingIds) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(processor, "processor");
    if (!(resources instanceof NettyResources netty)) {
      throw new IllegalArgumentException(
          "resources: " + resources + " (expected: created by WireResources.create)");
    }
    ConnectionRegistry registry = new ConnectionRegistry();
    ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    ConnectionInitializer initializer =
        new ConnectionInitializer(
            config,
            processor,
            new FrameCodecs(allocator, config.maxFrameBytes()),
            new ResponseFactory(tracingIds),
            registry);
    int high = config.maxPendingResponseBytes();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(netty.acceptor(), netty.workers())
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // as 5.0's PipelineConfigurator: a connection the node closes is reset, so a client (a plain
            // one on a TLS-only port, say) fails at once instead of waiting for its connect timeout
            .childOption(ChannelOption.SO_LINGER, 0)
            .childOption(ChannelOption.ALLOCATOR, allocator)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
            .childHandler(tls == null ? initializer : new TlsInitializer(tls, initializer));
    ChannelFuture bound =
        bootstrap.bind(new InetSocketAddress(config.address(), config.port())).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      String where = config.address().getHostAddress() + ":" + config.port();
      if (cause instanceof IOException io) {
        throw new UncheckedIOException("Cannot bind " + where, io);
      }
      throw new UncheckedIOException("Cannot bind " + where, new IOException(cause));
    }
    return new NettyProtocolServer(bound.channel(), registry);
  }

  /** See {@link dev.ringlet.wire.ProtocolServers#prepare}: builds what {@link #start} builds, without binding. */
  public static void prepare() {
    new FrameCodecs(ByteBufAllocator.DEFAULT, ProtocolServerConfig.DEFAULT_MAX_FRAME_BYTES);
    new ServerBootstrap().channel(NioServerSocketChannel.class);
    // an unbound, unregistered server channel: its id (the machine id: Netty's first look at the
    // network interfaces) and its options, as a bind makes them; nothing is listening
    NioServerSocketChannel channel = new NioServerSocketChannel();
    try {
      channel.config().setOption(ChannelOption.SO_REUSEADDR, true);
    } finally {
      channel.unsafe().closeForcibly();
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  @Override
  public void publish(Message event) {
    if (!(event instanceof Event typed)) {
      throw new IllegalArgumentException(
          "event: " + event + " (expected: SchemaChangeEvent, StatusChangeEvent or TopologyChangeEvent)");
    }
    registry.publish(typed);
  }

  @Override
  public int connectionCount() {
    return registry.size();
  }

  /** The open connections' channels; for tests in this package. */
  List<Channel> connectionChannels() {
    return registry.channels();
  }

  /**
   * Stops listening and closes every connection; returns once the port is released, so a client
   * connecting afterwards is refused and the port can be bound again at once. (The JDK defers closing
   * a listening socket registered with a selector until the selector's next pass, which Netty's event
   * loop makes shortly after the close completes: until then the kernel would still accept.)
   */
  @Override
  public void close() {
    InetSocketAddress address = localAddress();
    serverChannel.close().syncUninterruptibly();
    awaitReleased(address, TimeUnit.SECONDS.toNanos(2));
    registry.closeAll();
  }

  /** Waits until nothing listens on {@code address} any more (a bind there succeeds), at most {@code timeoutNanos}. */
  private static void awaitReleased(InetSocketAddress address, long timeoutNanos) {
    if (address == null) {
      return;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(address, 1);
        return;
      } catch (IOException stillListening) {
        if (System.nanoTime() - deadline > 0) {
          return; // not ours to fail a close over: the selector will release it
        }
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
      }
    }
  }
}
