package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Event;
import dev.ringlet.wire.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds response frames: the request's version and stream id, warnings only from v4 on, a
 * tracing id when the request asked for tracing, stream id -1 for events.
 */
final class ResponseFactory {

  static final int EVENT_STREAM_ID = -1;

  private final Supplier<UUID> tracingIds;

  ResponseFactory(Supplier<UUID> tracingIds) {
    this.tracingIds = tracingIds;
  }

  /** An answer the server makes itself (SUPPORTED, READY, errors): no tracing, no warnings. */
  Frame control(Frame request, Message message) {
    return Frame.forResponse(
        request.protocolVersion, request.streamId, null, Frame.NO_PAYLOAD, List.of(), message);
  }

  /** The processor's answer to a QUERY, PREPARE, EXECUTE or BATCH. */
  Frame reply(Frame request, Response response) {
    UUID tracingId = null;
    if (request.tracing) {
      tracingId = response.tracingId() != null ? response.tracingId() : tracingIds.get();
    }
    List<String> warnings =
        request.protocolVersion >= ProtocolVersions.V4 ? response.warnings() : List.of();
    return Frame.forResponse(
        request.protocolVersion,
        request.streamId,
        tracingId,
        Frame.NO_PAYLOAD,
        warnings,
        response.message());
  }

  Frame error(Frame request, int code, String message) {
    return control(request, new Error(code, message));
  }

  Frame error(RequestRejectedException rejected) {
    return Frame.forResponse(
        rejected.version(),
        rejected.streamId(),
        null,
        Frame.NO_PAYLOAD,
        List.of(),
        new Error(rejected.errorCode(), rejected.getMessage()));
  }

  Frame event(int version, Event event) {
    return Frame.forResponse(
        version, EVENT_STREAM_ID, null, Frame.NO_PAYLOAD, List.of(), event);
  }
}
