package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.Request;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A processor for protocol tests. QUERY strings choose the answer:
 *
 * <ul>
 *   <li>{@code hold:<key>} waits until the test calls {@link #release};
 *   <li>{@code big:<n>} answers an error whose message is n characters long;
 *   <li>{@code blob:<n>} answers one row with one blob column of n bytes;
 *   <li>{@code warn} answers Void with the warning "careful";
 *   <li>{@code fail} completes exceptionally;
 *   <li>anything else answers Void.
 * </ul>
 */
final class FakeProcessor implements RequestProcessor {

  final List<ClientConnection> opened = new CopyOnWriteArrayList<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger handled = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  private final Map<String, CompletableFuture<Response>> held = new ConcurrentHashMap<>();

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    opened.add(connection);
    return new ConnectionHandler() {
      @Override
      public CompletableFuture<Response> handle(Request request) {
        requests.add(request);
        handled.incrementAndGet();
        return answer(request);
      }

      @Override
      public void closed() {
        closed.incrementAndGet();
      }
    };
  }

  void release(String key, Response response) {
    held.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(response);
  }

  private CompletableFuture<Response> answer(Request request) {
    String query = request.message() instanceof Query q ? q.query : "";
    if (query.startsWith("hold:")) {
      return held.computeIfAbsent(query.substring(5), k -> new CompletableFuture<>());
    }
    if (query.startsWith("big:")) {
      int size = Integer.parseInt(query.substring(4, query.indexOf(' ') > 0 ? query.indexOf(' ') : query.length()));
      return CompletableFuture.completedFuture(
          Response.of(new Error(ErrorCode.INVALID, "x".repeat(size))));
    }
    if (query.startsWith("blob:")) {
      int size = Integer.parseInt(query.substring(5));
      java.util.Queue<List<java.nio.ByteBuffer>> data = new java.util.ArrayDeque<>();
      data.add(List.of(java.nio.ByteBuffer.wrap(new byte[size])));
      return CompletableFuture.completedFuture(Response.of(new DefaultRows(
          new RowsMetadata(List.of(new ColumnSpec("ks", "t", "b", 0,
              RawType.PRIMITIVES.get(com.datastax.oss.protocol.internal.ProtocolConstants.DataType.BLOB))),
              null, null, null),
          data)));
    }
    if (query.equals("warn")) {
      return CompletableFuture.completedFuture(
          new Response(Void.INSTANCE, List.of("careful"), null));
    }
    if (query.equals("fail")) {
      return CompletableFuture.failedFuture(new IllegalStateException("boom"));
    }
    return CompletableFuture.completedFuture(Response.of(Void.INSTANCE));
  }
}
