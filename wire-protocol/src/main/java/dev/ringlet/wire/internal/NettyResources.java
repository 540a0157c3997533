package dev.ringlet.wire.internal;

import dev.ringlet.wire.WireResources;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NIO event loops shared by any number of servers: one acceptor loop and a group of I/O loops, all
 * on daemon threads named {@code ringlet-io-N} (numbered per instance).
 */
public final class NettyResources implements WireResources {

  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;

  private NettyResources(int ioThreads) {
    ThreadFactory threads = new IoThreadFactory();
    this.acceptor = new NioEventLoopGroup(1, threads);
    this.workers = new NioEventLoopGroup(ioThreads, threads);
  }

  /**
   * @param ioThreads I/O threads; 0 for Netty's default (twice the processors)
   */
  public static NettyResources create(int ioThreads) {
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: >= 0)");
    }
    DeferredNettyLogging.install(); // before the event loops make Netty's first loggers
    return new NettyResources(ioThreads);
  }

  EventLoopGroup acceptor() {
    return acceptor;
  }

  EventLoopGroup workers() {
    return workers;
  }

  /** Stops the threads and waits for them; servers still using them are cut off. */
  @Override
  public void close() {
    acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    acceptor.terminationFuture().syncUninterruptibly();
    workers.terminationFuture().syncUninterruptibly();
  }

  private static final class IoThreadFactory implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new FastThreadLocalThread(task, "ringlet-io-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
