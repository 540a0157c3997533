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
import dev.ringlet.internal.querylog.QueryLogBook;
import dev.ringlet.internal.querylog.QueryRecorder;
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

  /** Where answered requests are reported; set by {@link #recordingTo} before the server starts. */
  private volatile QueryRecorder queryLog = new QueryLogBook(0).recorder(null, () -> null, dev.ringlet.internal.time.Clock.system());

  private final QueryProcessor processor;
  private final dev.ringlet.internal.exec.auth.AccessControl access;
  private final java.util.concurrent.Executor executor;
  private final ResultMetadataIds.Cache metadataIds = new ResultMetadataIds.Cache();
  /** Where traced requests are recorded; set by {@link #tracingTo} before the server starts, else none. */
  private volatile dev.ringlet.internal.exec.trace.Tracing tracing;

  public CqlRequestProcessor(QueryProcessor processor) {
    this(processor, dev.ringlet.internal.exec.auth.AccessControl.disabled(), null);
  }

  /** Connections log in as {@code access} requires (PasswordAuthenticator when it is enabled). */
  public CqlRequestProcessor(QueryProcessor processor, dev.ringlet.internal.exec.auth.AccessControl access) {
    this(processor, access, null);
  }

  /**
   * @param access how connections log in (PasswordAuthenticator when it is enabled)
   * @param executor where requests run when they may wait for other nodes (a cluster's
   *     coordinators), so an I/O thread never blocks; null runs them on the I/O thread
   */
  public CqlRequestProcessor(QueryProcessor processor, dev.ringlet.internal.exec.auth.AccessControl access,
      java.util.concurrent.Executor executor) {
    this.processor = processor;
    this.access = access;
    this.executor = executor;
  }

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    ClientSession session = new ClientSession();
    dev.ringlet.wire.SaslAuthentication authentication =
        access.enabled() ? new PasswordSaslAuthentication(access, session) : null;
    java.util.concurrent.Executor runOn = executor;
    return new ConnectionHandler() {
      @Override
      public CompletionStage<Response> handle(Request request) {
        if (runOn != null) {
          return CompletableFuture.supplyAsync(() -> serveTraced(request, session, connection), runOn)
              .thenCompose(CqlRequestProcessor::unlessStopped);
        }
        return unlessStopped(serveTraced(request, session, connection));
      }

      @Override
      public dev.ringlet.wire.SaslAuthentication authentication() {
        return authentication;
      }
    };
  }

  /**
   * A request whose write stopped the node's storage (failure policy stop) is not answered, as in
   * Cassandra: the node closes its connections instead.
   */
  private static CompletionStage<Response> unlessStopped(Response response) {
    return response == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(response);
  }

  private static boolean storageStopped(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof dev.ringlet.internal.storage.StorageStoppedException) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #serve}, and for a request with the tracing flag its trace in {@code system_traces},
   * written before the answer (which carries the session id) is sent.
   */
  private Response serveTraced(Request request, ClientSession session, ClientConnection connection) {
    dev.ringlet.internal.exec.trace.Tracing t = tracing;
    if (!request.tracing() || t == null) {
      return serve(request, session, null);
    }
    dev.ringlet.internal.exec.trace.Tracing.Session trace = TraceRequests.begin(t, request.message(),
        connection.remoteAddress() == null ? null : connection.remoteAddress().getAddress());
    Response response = t.within(trace, () -> serve(request, session, trace));
    try {
      t.finish(trace);
    } catch (RuntimeException e) {
      // 5.0 writes traces in the background: a trace that cannot be written never fails the request
      return response;
    }
    return response == null ? null : new Response(response.message(), response.warnings(), trace.id());
  }

  /** Makes traced requests record their session and events with {@code tracing}. Call it before serving. */
  public CqlRequestProcessor tracingTo(dev.ringlet.internal.exec.trace.Tracing tracing) {
    this.tracing = java.util.Objects.requireNonNull(tracing, "tracing");
    return this;
  }

  /** The answer, or null for none (see {@link #unlessStopped}); {@code trace} is null when not traced. */
  private Response serve(Request request, ClientSession connectionSession,
      dev.ringlet.internal.exec.trace.Tracing.Session trace) {
    Message m = request.message();
    ClientSession session = withKeyspace(connectionSession, requestKeyspace(m));
    String keyspace = session.keyspace();
    QueryOptions options = null;
    Result result = null;
    List<List<ByteBuffer>> batchValues = List.of();
    try {
      int version = request.protocolVersion();
      boolean skipMetadata = false;
      byte[] resultMetadataId = null;
      if (m instanceof Query q) {
        options = Messages.options(q.options);
        TraceRequests.parsing(trace, q.query);
        result = processor.query(q.query, options, session);
      } else if (m instanceof Prepare p) {
        TraceRequests.parsing(trace, p.cqlQuery);
        result = processor.prepare(p.cqlQuery, session);
      } else if (m instanceof Execute e) {
        skipMetadata = e.options.skipMetadata;
        resultMetadataId = e.resultMetadataId;
        options = Messages.options(e.options);
        TraceRequests.executing(trace, processor, e.queryId, options);
        result = processor.execute(e.queryId, options, session);
      } else if (m instanceof Batch b) {
        Statement.Batch.Type type = batchType(b);
        options = batchOptions(b);
        batchValues = new ArrayList<>(b.values.size());
        for (List<ByteBuffer> v : b.values) {
          batchValues.add(Messages.values(v));
        }
        result = processor.batch(type, b.queriesOrIds, batchValues, options, session);
      } else {
        throw new CqlException(ErrorCode.PROTOCOL_ERROR, "Unexpected message " + m.getClass().getSimpleName());
      }
      Response response = new Response(Messages.result(result, version, skipMetadata, resultMetadataId, metadataIds),
          result.warnings(), null);
      log(m, options, batchValues, keyspace, result, 0, null);
      return response;
    } catch (Throwable t) {
      // As 5.0's Dispatcher: the warnings gathered before the failure go with the error.
      List<String> warnings = List.of();
      Throwable failure = t;
      if (t instanceof dev.ringlet.internal.exec.WarnedFailure w) {
        warnings = w.warnings();
        failure = w.failure();
      }
      if (storageStopped(failure)) {
        return null;
      }
      Message error = Errors.toMessage(failure, request.protocolVersion());
      if (error instanceof com.datastax.oss.protocol.internal.response.Error e) {
        log(m, options, batchValues, keyspace, null, e.code, e.message);
      }
      return new Response(error, warnings, null);
    }
  }

  /** The keyspace a v5 QUERY, PREPARE or BATCH names for itself (WITH_KEYSPACE), or null. */
  private static String requestKeyspace(Message m) {
    if (m instanceof Query q) {
      return Messages.keyspace(q.options.flags, q.options.keyspace);
    }
    if (m instanceof Prepare p) {
      return p.keyspace;
    }
    if (m instanceof Batch b) {
      return Messages.keyspace(b.flags, b.keyspace);
    }
    return null;
  }

  /**
   * The session a request runs in: the connection's, or with a per-request keyspace a copy of it
   * bound to that keyspace (as Cassandra clones its ClientState), so a USE inside it or the
   * keyspace itself never leaks into the connection's later requests.
   */
  private static ClientSession withKeyspace(ClientSession session, String keyspace) {
    if (keyspace == null) {
      return session;
    }
    ClientSession copy = new ClientSession();
    if (session.user() != null) {
      copy.login(session.user());
    }
    copy.useKeyspace(keyspace);
    return copy;
  }

  /**
   * Reports every QUERY, PREPARE, EXECUTE and BATCH this processor answers to {@code recorder}
   * (by default nothing is recorded). Call it before serving.
   */
  public CqlRequestProcessor recordingTo(QueryRecorder recorder) {
    this.queryLog = java.util.Objects.requireNonNull(recorder, "recorder");
    return this;
  }

  /** Reports the request to the query log (PREPAREs always, so later EXECUTEs show their text). */
  private void log(Message m, QueryOptions options, List<List<ByteBuffer>> batchValues, String keyspace, Result result, int errorCode, String errorMessage) {
    if (m instanceof Prepare p) {
      queryLog.prepare(p.cqlQuery, keyspace, result, errorCode, errorMessage);
    } else if (!queryLog.enabled()) {
      return;
    } else if (m instanceof Query q) {
      queryLog.query(q.query, options, keyspace, result, errorCode, errorMessage);
    } else if (m instanceof Execute e) {
      queryLog.execute(e.queryId, options, keyspace, result, errorCode, errorMessage);
    } else if (m instanceof Batch b) {
      queryLog.batch(b.queriesOrIds, batchValues, options, keyspace, result, errorCode, errorMessage);
    }
  }

  private static QueryOptions batchOptions(Batch b) {
    return new QueryOptions(Consistency.fromProtocol(b.consistency), List.of(), null, -1, null,
        Consistency.fromProtocol(b.serialConsistency), b.defaultTimestamp,
        Messages.nowInSeconds(b.flags, b.nowInSeconds));
  }

  private static Statement.Batch.Type batchType(Batch b) {
    switch (b.type) {
      case ProtocolConstants.BatchType.LOGGED:
        return Statement.Batch.Type.LOGGED;
      case ProtocolConstants.BatchType.UNLOGGED:
        return Statement.Batch.Type.UNLOGGED;
      case ProtocolConstants.BatchType.COUNTER:
        return Statement.Batch.Type.COUNTER;
      default:
        throw new CqlException(ErrorCode.PROTOCOL_ERROR, "Unknown batch type " + b.type);
    }
  }
}
