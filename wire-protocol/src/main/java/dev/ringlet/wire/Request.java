package dev.ringlet.wire;

import com.datastax.oss.protocol.internal.Message;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * One decoded request.
 *
 * @param protocolVersion the version the client speaks on this connection (3, 4 or 5)
 * @param streamId the client's stream id, for logging only: the server matches answers itself
 * @param tracing whether the client asked for tracing (the response then carries a tracing id)
 * @param customPayload the custom payload sent by the client, empty when none (v4)
 * @param message a {@code Query}, {@code Prepare}, {@code Execute} or {@code Batch}
 */
public record Request(
    int protocolVersion,
    int streamId,
    boolean tracing,
    Map<String, ByteBuffer> customPayload,
    Message message) {

  public Request {
    customPayload = Map.copyOf(customPayload);
  }
}
