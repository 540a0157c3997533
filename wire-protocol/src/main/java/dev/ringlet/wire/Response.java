package dev.ringlet.wire;

import com.datastax.oss.protocol.internal.Message;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer to one {@link Request}.
 *
 * @param message the response message ({@code Rows}, {@code Void}, {@code Prepared},
 *     {@code SetKeyspace}, {@code SchemaChange} results, or an {@code Error})
 * @param warnings server warnings to attach (sent only to v4+ clients), empty when none
 * @param tracingId the tracing session id, or {@code null}; when the request asked for tracing and
 *     this is {@code null}, the server makes one up
 */
public record Response(Message message, List<String> warnings, UUID tracingId) {

  public Response {
    Objects.requireNonNull(message, "message");
    warnings = List.copyOf(warnings);
  }

  public static Response of(Message message) {
    return new Response(message, List.of(), null);
  }
}
