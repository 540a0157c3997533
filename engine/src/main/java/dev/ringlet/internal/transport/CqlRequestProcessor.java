package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.request.Batch;
import com.datastax.oss.protocol.internal.request.Execute;
import com.datastax.oss.protocol.internal.request.Prepare;
import com.datastax.oss.protocol.internal.request.Query;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.Request;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine behind the protocol server: each connection gets its own session state (USE); each
 * QUERY, PREPARE, EXECUTE and BATCH becomes a call on the node's {@link QueryProcessor}, and its
 * result or typed error becomes the protocol message.
 */
public final class CqlRequestProcessor implements RequestProcessor {

  private final QueryProcessor processor;
  private final java.util.concurrent.Executor executor;

  public CqlRequestProcessor(QueryProcessor processor) {
    this(processor, null);
  }

  /**
   * @param executor where requests run when they may wait for other nodes (a cluster's
   *     coordinators), so an I/O thread never blocks; null runs them on the I/O thread
   */
  public CqlRequestProcessor(QueryProcessor processor, java.util.concurrent.Executor executor) {
    this.processor = processor;
    this.executor = executor;
  }

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    ClientSession session = new ClientSession();
    if (executor != null) {
      return request -> CompletableFuture.supplyAsync(() -> serve(request, session), executor);
    }
    return request -> CompletableFuture.completedFuture(serve(request, session));
  }

  private Response serve(Request request, ClientSession session) {
    try {
      Message m = request.message();
      int version = request.protocolVersion();
      Result result;
      boolean skipMetadata = false;
      if (m instanceof Query q) {
        result = processor.query(q.query, Messages.options(q.options), session);
      } else if (m instanceof Prepare p) {
        result = processor.prepare(p.cqlQuery, session);
      } else if (m instanceof Execute e) {
        skipMetadata = e.options.skipMetadata;
        result = processor.execute(e.queryId, Messages.options(e.options), session);
      } else if (m instanceof Batch b) {
        result = batch(b, session);
      } else {
        throw new CqlException(ErrorCode.PROTOCOL_ERROR, "Unexpected message " + m.getClass().getSimpleName());
      }
      return new Response(Messages.result(result, version, skipMetadata), result.warnings(), null);
    } catch (Throwable t) {
      return Response.of(Errors.toMessage(t));
    }
  }

  private Result batch(Batch b, ClientSession session) {
    Statement.Batch.Type type;
    switch (b.type) {
      case ProtocolConstants.BatchType.LOGGED:
        type = Statement.Batch.Type.LOGGED;
        break;
      case ProtocolConstants.BatchType.UNLOGGED:
        type = Statement.Batch.Type.UNLOGGED;
        break;
      case ProtocolConstants.BatchType.COUNTER:
        type = Statement.Batch.Type.COUNTER;
        break;
      default:
        throw new CqlException(ErrorCode.PROTOCOL_ERROR, "Unknown batch type " + b.type);
    }
    List<List<ByteBuffer>> values = new ArrayList<>();
    for (List<ByteBuffer> v : b.values) {
      values.add(Messages.values(v));
    }
    QueryOptions options = new QueryOptions(Consistency.fromProtocol(b.consistency), List.of(), null, -1, null,
        Consistency.fromProtocol(b.serialConsistency), b.defaultTimestamp);
    return processor.batch(type, b.queriesOrIds, values, options, session);
  }
}
