package dev.ringlet.bench.noop;

import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Passes every request to a real processor and remembers the last answer for each {@link RequestKey}. */
final class RecordingProcessor implements RequestProcessor {

  private final RequestProcessor delegate;
  private final Map<String, Response> recorded = new ConcurrentHashMap<>();

  RecordingProcessor(RequestProcessor delegate) {
    this.delegate = delegate;
  }

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    ConnectionHandler real = delegate.open(connection);
    return new ConnectionHandler() {
      @Override
      public java.util.concurrent.CompletionStage<Response> handle(dev.ringlet.wire.Request request) {
        return real.handle(request).thenApply(response -> {
          recorded.put(RequestKey.of(request.message()), response);
          return response;
        });
      }

      @Override
      public void closed() {
        real.closed();
      }
    };
  }

  Map<String, Response> recorded() {
    return Map.copyOf(recorded);
  }
}
