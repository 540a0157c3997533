package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.AuthResponse;
import com.datastax.oss.protocol.internal.request.Register;
import com.datastax.oss.protocol.internal.response.AuthSuccess;
import com.datastax.oss.protocol.internal.response.Authenticate;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Event;
import com.datastax.oss.protocol.internal.response.Ready;
import com.datastax.oss.protocol.internal.response.Supported;
import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.SaslAuthentication;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine. Answers OPTIONS, STARTUP, REGISTER and AUTH_RESPONSE itself, hands
 * QUERY/PREPARE/EXECUTE/BATCH to the {@link RequestDispatcher}, and answers what the decoders
 * rejected. Runs on the connection's event loop.
 *
 * <pre>
 *   UNINITIALIZED --STARTUP ok--> READY
 *        |                          ^
 *        +--STARTUP ok, auth on--> AUTHENTICATING --AUTH_RESPONSE done--+
 * </pre>
 *
 * AUTHENTICATING is entered when the connection's handler asks for {@link SaslAuthentication}:
 * each AUTH_RESPONSE token goes to it until it answers AUTH_SUCCESS; an AUTH_ERROR leaves the
 * connection authenticating (drivers close it). AUTH_RESPONSE on a READY connection gets
 * AUTH_SUCCESS, as Cassandra's AllowAllAuthenticator answers.
 */
final class ConnectionStateHandler extends ChannelInboundHandlerAdapter {

  /** Made on first use: a start that logs nothing never initialises the application's logging backend. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(ConnectionStateHandler.class);
  }

  private static final Set<String> EVENT_TYPES =
      Set.of("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE");

  enum State {
    UNINITIALIZED,
    AUTHENTICATING,
    READY
  }

  private final long connectionId;
  private final RequestProcessor processor;
  private final NegotiatedCodec negotiated;
  private final Map<String, List<String>> supportedOptions;
  private final ResponseFactory responses;

  private State state = State.UNINITIALIZED;
  private Channel channel;
  private RequestDispatcher dispatcher;
  private SaslAuthentication authentication;
  private volatile Set<String> registeredEvents = Set.of();

  ConnectionStateHandler(
      long connectionId,
      RequestProcessor processor,
      NegotiatedCodec negotiated,
      String cqlVersion,
      ResponseFactory responses) {
    this.connectionId = connectionId;
    this.processor = processor;
    this.negotiated = negotiated;
    this.responses = responses;
    this.supportedOptions =
        Map.of(
            "CQL_VERSION", List.of(cqlVersion),
            "COMPRESSION", FrameCodecs.COMPRESSIONS,
            "PROTOCOL_VERSIONS", ProtocolVersions.SUPPORTED_NAMES);
  }

  State state() {
    return state;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Frame frame = (Frame) msg;
    switch (state) {
      case UNINITIALIZED -> whileUninitialized(frame);
      case AUTHENTICATING -> whileAuthenticating(frame);
      case READY -> whileReady(frame);
    }
  }

  private void whileUninitialized(Frame frame) {
    Opcode opcode = Opcode.ofCode(frame.message.opcode);
    switch (opcode) {
      case OPTIONS -> answerOptions(frame);
      case STARTUP -> startup(frame);
      default -> answerError(
          frame,
          ErrorCode.PROTOCOL_ERROR,
          "Unexpected message " + opcode + ", expecting STARTUP or OPTIONS");
    }
  }

  private void whileAuthenticating(Frame frame) {
    Opcode opcode = Opcode.ofCode(frame.message.opcode);
    if (opcode == Opcode.AUTH_RESPONSE) {
      authenticate(frame);
    } else {
      answerError(
          frame, ErrorCode.PROTOCOL_ERROR, "Unexpected message " + opcode + ", expecting SASL_RESPONSE");
    }
  }

  private void authenticate(Frame frame) {
    ByteBuffer token = ((AuthResponse) frame.message).token;
    byte[] bytes = new byte[token == null ? 0 : token.remaining()];
    if (token != null) {
      token.duplicate().get(bytes);
    }
    Message answer;
    try {
      answer = authentication.evaluate(bytes);
    } catch (RuntimeException e) {
      Log.LOG.warn("SaslAuthentication.evaluate failed for connection {}", connectionId, e);
      answer = new Error(ErrorCode.SERVER_ERROR, e.toString());
    }
    if (answer instanceof AuthSuccess) {
      state = State.READY;
    }
    answer(frame, answer);
  }

  private void whileReady(Frame frame) {
    Opcode opcode = Opcode.ofCode(frame.message.opcode);
    switch (opcode) {
      case OPTIONS -> answerOptions(frame);
      case STARTUP -> answerError(
          frame,
          ErrorCode.PROTOCOL_ERROR,
          "Unexpected message STARTUP, the connection is already initialized");
      case REGISTER -> register(frame);
      case AUTH_RESPONSE -> answer(frame, new AuthSuccess(null));
      case QUERY, PREPARE, EXECUTE, BATCH -> dispatcher.dispatch(frame);
      default -> answerError(
          frame, ErrorCode.PROTOCOL_ERROR, "Unexpected message " + opcode);
    }
  }

  private void answerOptions(Frame frame) {
    answer(frame, new Supported(supportedOptions));
  }

  private void startup(Frame frame) {
    Map<String, String> options = StartupOptions.normalize(((StartupRequest) frame.message).options);
    String problem = StartupOptions.problem(options, frame.protocolVersion);
    if (problem != null) {
      answerError(frame, ErrorCode.PROTOCOL_ERROR, problem);
      return;
    }
    ClientConnection client =
        new ClientConnection(
            connectionId,
            (InetSocketAddress) channel.remoteAddress(),
            (InetSocketAddress) channel.localAddress(),
            frame.protocolVersion,
            options);
    ConnectionHandler handler;
    try {
      handler = processor.open(client);
    } catch (RuntimeException e) {
      Log.LOG.warn("RequestProcessor.open failed for connection {}", connectionId, e);
      answerError(frame, ErrorCode.SERVER_ERROR, e.toString());
      return;
    }
    dispatcher = new RequestDispatcher(channel, handler, responses);
    authentication = handler.authentication();
    // READY (or AUTHENTICATE) goes out uncompressed and, at v5, unsegmented; every later frame,
    // both ways, uses the negotiated codec (v5: segments, compressed when asked for).
    answer(frame, authentication == null ? new Ready() : new Authenticate(authentication.authenticatorClass()));
    negotiated.negotiate(frame.protocolVersion, StartupOptions.compression(options));
    state = authentication == null ? State.READY : State.AUTHENTICATING;
  }

  private void register(Frame frame) {
    List<String> types = ((Register) frame.message).eventTypes;
    for (String type : types) {
      if (!EVENT_TYPES.contains(type)) {
        answerError(frame, ErrorCode.PROTOCOL_ERROR, "Invalid value '" + type + "' for Type");
        return;
      }
    }
    Set<String> registered = new HashSet<>(registeredEvents);
    registered.addAll(types);
    registeredEvents = Set.copyOf(registered);
    answer(frame, new Ready());
  }

  /** Pushes an event if this connection registered for its type; callable from any thread. */
  void deliver(Event event) {
    if (registeredEvents.contains(event.type)) {
      channel.writeAndFlush(responses.event(negotiated.version(), event));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (dispatcher != null) {
      dispatcher.connectionClosed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable error = cause instanceof DecoderException && cause.getCause() != null
        ? cause.getCause()
        : cause;
    if (error instanceof UnsupportedVersionException unsupported) {
      Log.LOG.debug("Connection {} refused: {}", connectionId, unsupported.getMessage());
      ctx.writeAndFlush(UnsupportedVersionReply.encode(ctx.alloc(), unsupported))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (error instanceof CorruptSegmentException corrupt) {
      // As Cassandra: the framing is lost, so answer on stream 0 and close once it is written.
      Log.LOG.debug("Connection {} sent a corrupt segment, closing: {}", connectionId, corrupt.getMessage());
      ctx.writeAndFlush(
              Frame.forResponse(
                  negotiated.version(), 0, null, Frame.NO_PAYLOAD, List.of(),
                  new Error(ErrorCode.PROTOCOL_ERROR, corrupt.getMessage())))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (error instanceof RequestRejectedException rejected) {
      ctx.writeAndFlush(responses.error(rejected));
    } else if (error instanceof IOException) {
      Log.LOG.debug("Connection {} I/O error, closing: {}", connectionId, error.toString());
      ctx.close();
    } else {
      Log.LOG.warn("Connection {} unexpected error, closing", connectionId, error);
      ctx.close();
    }
  }

  private void answer(Frame request, Message message) {
    channel.writeAndFlush(responses.control(request, message));
  }

  private void answerError(Frame request, int code, String message) {
    answer(request, new Error(code, message));
  }
}
