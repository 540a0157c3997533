package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.internal.core.channel.ChannelFactory;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import com.datastax.oss.driver.internal.core.context.NettyOptions;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.response.Error;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.util.Timer;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The warnings a server sent with an ERROR response. The Java driver 4.x decodes them but does not
 * expose them: a failed request's {@code ExecutionInfo} is built without the response frame, so its
 * {@code getWarnings()} is always empty (against Cassandra 5.0.9 too, which sends them). Sessions
 * built with {@link #sessionBuilder()} pass every decoded frame past a handler (added after the
 * driver's frame decoder through its {@code NettyOptions} hook) that keeps the warnings of the last
 * ERROR frame; a test that sends one request at a time reads them with {@link #lastError()}.
 */
public final class ErrorFrameWarnings {

  private final AtomicReference<List<String>> last = new AtomicReference<>(List.of());

  /** A session builder whose sessions report their error frames' warnings here. */
  public CqlSessionBuilder sessionBuilder() {
    return new CqlSessionBuilder() {
      @Override
      protected DriverContext buildContext(DriverConfigLoader configLoader, ProgrammaticArguments arguments) {
        return new DefaultDriverContext(configLoader, arguments) {
          @Override
          protected NettyOptions buildNettyOptions() {
            return new Spying(super.buildNettyOptions());
          }
        };
      }
    };
  }

  /** Forgets the last error's warnings; call it before a request. */
  public void clear() {
    last.set(List.of());
  }

  /** The warnings of the last ERROR frame received since {@link #clear()} (empty when none, or none carried). */
  public List<String> lastError() {
    return last.get();
  }

  private final class Spying implements NettyOptions {
    private final NettyOptions delegate;

    Spying(NettyOptions delegate) {
      this.delegate = delegate;
    }

    @Override
    public void afterChannelInitialized(Channel channel) {
      delegate.afterChannelInitialized(channel);
      ChannelInboundHandlerAdapter spy = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
          if (msg instanceof Frame frame && frame.message instanceof Error) {
            last.set(List.copyOf(frame.warnings));
          }
          super.channelRead(ctx, msg);
        }
      };
      if (channel.pipeline().get(ChannelFactory.INFLIGHT_HANDLER_NAME) != null) {
        channel.pipeline().addBefore(ChannelFactory.INFLIGHT_HANDLER_NAME, "ringletErrorWarnings", spy);
      } else {
        channel.pipeline().addFirst("ringletErrorWarnings", spy);
      }
    }

    @Override
    public EventLoopGroup ioEventLoopGroup() {
      return delegate.ioEventLoopGroup();
    }

    @Override
    public Class<? extends Channel> channelClass() {
      return delegate.channelClass();
    }

    @Override
    public EventExecutorGroup adminEventExecutorGroup() {
      return delegate.adminEventExecutorGroup();
    }

    @Override
    public ByteBufAllocator allocator() {
      return delegate.allocator();
    }

    @Override
    public void afterBootstrapInitialized(Bootstrap bootstrap) {
      delegate.afterBootstrapInitialized(bootstrap);
    }

    @Override
    public Future<Void> onClose() {
      return delegate.onClose();
    }

    @Override
    public Timer getTimer() {
      return delegate.getTimer();
    }
  }
}
