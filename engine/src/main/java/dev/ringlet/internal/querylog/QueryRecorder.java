package dev.ringlet.internal.querylog;

import dev.ringlet.api.LoggedQuery;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.time.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one node's protocol layer reports each request it answered. Calls are cheap: one entry
 * holding references, no decoding, no lookup (a prepared id's text is found when the log is read), nothing at all when the log's capacity is 0 (except that
 * PREPAREs are always remembered, so EXECUTEs logged later still show their text).
 */
public final class QueryRecorder {

  private final QueryLogBook book;
  private final QueryLogBook.Coordinator coordinator;
  private final Clock clock;

  QueryRecorder(QueryLogBook book, QueryLogBook.Coordinator coordinator, Clock clock) {
    this.book = book;
    this.coordinator = coordinator;
    this.clock = clock;
  }

  /** Whether requests are being recorded (PREPAREs are reported regardless). */
  public boolean enabled() {
    return book.enabled();
  }

  /** A QUERY and what it returned ({@code result} null when it failed with {@code errorCode}, {@code errorMessage}). */
  public void query(String cql, QueryOptions options, String keyspace, Result result, int errorCode, String errorMessage) {
    Entry.Statement s = Entry.statement(LoggedQuery.Kind.QUERY, cql, null, null, options == null ? null : options.values(),
        options == null ? null : options.names());
    add(LoggedQuery.Kind.QUERY, s, List.of(), options, keyspace, result, errorCode, errorMessage);
  }

  /** A PREPARE: remembered for later EXECUTEs and BATCHes, then logged. */
  public void prepare(String cql, String keyspace, Result result, int errorCode, String errorMessage) {
    if (result instanceof Result.Prepared p) {
      book.remember(ByteBuffer.wrap(p.id()), new QueryLogBook.PreparedInfo(cql, keyspace, p.variables()));
    }
    if (enabled()) {
      add(LoggedQuery.Kind.PREPARE, Entry.statement(LoggedQuery.Kind.PREPARE, cql, null, null, null, null), List.of(), null,
          keyspace, result, errorCode, errorMessage);
    }
  }

  /** An EXECUTE of a prepared id (its text is looked up when the log is read). */
  public void execute(byte[] id, QueryOptions options, String sessionKeyspace, Result result, int errorCode, String errorMessage) {
    Entry.Statement s = Entry.prepared(id, options == null ? null : options.values(), options == null ? null : options.names());
    add(LoggedQuery.Kind.EXECUTE, s, List.of(), options, sessionKeyspace, result, errorCode, errorMessage);
  }

  /**
   * A BATCH.
   *
   * @param children query texts ({@code String}) and prepared ids ({@code byte[]})
   */
  public void batch(List<Object> children, List<List<ByteBuffer>> values, QueryOptions options, String keyspace,
      Result result, int errorCode, String errorMessage) {
    List<Entry.Statement> kids = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      Object c = children.get(i);
      List<ByteBuffer> v = i < values.size() ? values.get(i) : List.of();
      kids.add(c instanceof byte[] id ? Entry.prepared(id, v, null)
          : Entry.statement(LoggedQuery.Kind.QUERY, (String) c, null, null, v, null));
    }
    add(LoggedQuery.Kind.BATCH, null, kids, options, keyspace, result, errorCode, errorMessage);
  }

  private void add(LoggedQuery.Kind kind, Entry.Statement statement, List<Entry.Statement> children, QueryOptions options,
      String keyspace, Result result, int errorCode, String errorMessage) {
    LoggedQuery.Outcome outcome;
    int rows = 0;
    if (result == null) {
      outcome = LoggedQuery.Outcome.ERROR;
    } else if (result instanceof Result.Rows r) {
      outcome = LoggedQuery.Outcome.ROWS;
      rows = r.rows().size();
    } else if (result instanceof Result.SetKeyspace) {
      outcome = LoggedQuery.Outcome.SET_KEYSPACE;
    } else if (result instanceof Result.SchemaChange) {
      outcome = LoggedQuery.Outcome.SCHEMA_CHANGE;
    } else if (result instanceof Result.Prepared) {
      outcome = LoggedQuery.Outcome.PREPARED;
    } else {
      outcome = LoggedQuery.Outcome.VOID;
    }
    book.add(new Entry(clock.currentTimeMicros(), coordinator, kind, statement, children, options, keyspace, outcome, rows,
        result == null ? errorCode : 0, result == null ? errorMessage : null));
  }
}
