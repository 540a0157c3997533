package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.Request;
import dev.ringlet.wire.Response;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.EncoderException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands QUERY/PREPARE/EXECUTE/BATCH to the connection's {@link ConnectionHandler} and writes each
 * answer, whenever and on whatever thread it completes, with the request's stream id. A failed
 * stage, a null answer, or an answer that cannot be encoded becomes a SERVER_ERROR.
 */
final class RequestDispatcher {

  /** Made on first use: a start that logs nothing never initialises the application's logging backend. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
  }

  private final Channel channel;
  private final ConnectionHandler handler;
  private final ResponseFactory responses;
  private final AtomicBoolean closed = new AtomicBoolean();

  RequestDispatcher(Channel channel, ConnectionHandler handler, ResponseFactory responses) {
    this.channel = channel;
    this.handler = handler;
    this.responses = responses;
  }

  void dispatch(Frame frame) {
    Request request =
        new Request(
            frame.protocolVersion, frame.streamId, frame.tracing, frame.customPayload,
            frame.message);
    CompletionStage<Response> stage;
    try {
      stage = handler.handle(request);
      if (stage == null) {
        stage = CompletableFuture.failedFuture(
            new NullPointerException("ConnectionHandler.handle returned null"));
      }
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage instanceof CompletableFuture<Response> done && done.isDone()) {
      // Answered already (a local request): no callback stage to build.
      completeNow(frame, done);
    } else {
      stage.whenComplete((response, failure) -> complete(frame, response, failure));
    }
  }

  private void completeNow(Frame frame, CompletableFuture<Response> done) {
    Response response;
    try {
      response = done.join();
    } catch (CompletionException | CancellationException e) {
      complete(frame, null, e);
      return;
    }
    complete(frame, response, null);
  }

  private void complete(Frame frame, Response response, Throwable failure) {
    if (failure != null || response == null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause()
          : failure;
      String message = cause == null ? "ConnectionHandler answered null" : cause.toString();
      Log.LOG.warn("Request on stream {} failed in the ConnectionHandler", frame.streamId, cause);
      channel.writeAndFlush(responses.error(frame, ErrorCode.SERVER_ERROR, message));
      return;
    }
    channel
        .writeAndFlush(responses.reply(frame, response))
        .addListener(written -> answerUnencodable(frame, (ChannelFuture) written));
  }

  private void answerUnencodable(Frame frame, ChannelFuture written) {
    if (!written.isSuccess() && written.cause() instanceof EncoderException e && channel.isActive()) {
      Log.LOG.warn("Response on stream {} could not be encoded", frame.streamId, e);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      channel.writeAndFlush(responses.error(frame, ErrorCode.SERVER_ERROR, cause.toString()));
    }
  }

  void connectionClosed() {
    if (closed.compareAndSet(false, true)) {
      handler.closed();
    }
  }
}
