package dev.ringlet.internal.messaging;

import dev.ringlet.internal.trace.TraceEvent;
import java.util.List;
import java.util.UUID;

/**
 * The tracing parts of a message, wrapped around its payload by {@link MessagingEndpoint} (handlers
 * and callbacks never see them): 5.0 carries a traced request's session in the message's header
 * ({@code TRACE_SESSION}); a replica here sends the events of its part back with its answer, so that
 * the coordinator writes the whole session before it answers its client. Over TCP they are the
 * frame's trace section ({@code TcpTransport}, flag 4).
 */
public final class Traced {

  private Traced() {}

  /** A request sent while a traced request ran on the sender. */
  public record Request(UUID session, Object payload) {}

  /** A replica's answer to a traced request, with the events it recorded while handling it. */
  public record Response(List<TraceEvent> events, Object payload) {

    public Response {
      events = List.copyOf(events);
    }
  }
}
