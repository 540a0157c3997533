package dev.ringlet.bench.noop;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.Error;
import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The no-op baseline: answers each request with the response recorded for its {@link RequestKey},
 * without parsing or executing anything. The cost left is the protocol layer's and the driver's.
 */
final class CannedProcessor implements RequestProcessor {

  private final Map<String, CompletableFuture<Response>> answers = new java.util.HashMap<>();
  private final LongAdder misses = new LongAdder();

  CannedProcessor(Map<String, Response> recorded) {
    recorded.forEach((key, response) -> answers.put(key, CompletableFuture.completedFuture(response)));
  }

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    return this::answer;
  }

  private CompletionStage<Response> answer(dev.ringlet.wire.Request request) {
    String key = RequestKey.of(request.message());
    CompletableFuture<Response> canned = answers.get(key);
    if (canned != null) {
      return canned;
    }
    misses.increment();
    return CompletableFuture.completedFuture(Response.of(
        new Error(ProtocolConstants.ErrorCode.SERVER_ERROR, "no-op server: no canned answer for " + key)));
  }

  long misses() {
    return misses.sum();
  }
}
