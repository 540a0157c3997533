package dev.ringlet.internal.exec.trace;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.TimeUuids;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.modify.ModificationAnalyzer;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A node's query tracing, as 5.0's {@code Tracing}: a request with the protocol's tracing flag gets
 * a session (a time UUID, returned in the response), the coordinator's events while it runs, and
 * when it ends one {@code system_traces.sessions} row (client, command {@code QUERY}, coordinator,
 * duration in microseconds, request, {@code started_at}, parameters) and one
 * {@code system_traces.events} row per event, with 5.0's default time to live of a query trace
 * (one day). The rows are written through the node's normal write path (in a cluster to every
 * node, as the other replicated system keyspaces), before the response is sent, so a driver's
 * first poll finds the finished session.
 *
 * <p>Recorded events: the coordinator's parsing and preparing of a statement, and whatever the
 * node's layers add while the request's {@link dev.ringlet.internal.trace.TraceState} is current on
 * its thread ({@link #within}): the replica's storage events, messages sent and received, and the
 * events each replica recorded for its part, sent back with its answer (each with its own address
 * as source).
 */
public final class Tracing {

  /** 5.0's {@code trace_type_query_ttl}: 1 day. */
  private static final int QUERY_TTL_SECONDS = 86_400;
  private static final String SESSION =
      "INSERT INTO system_traces.sessions (session_id, client, command, coordinator, coordinator_port, duration,"
      + " request, started_at, parameters) VALUES (?, ?, 'QUERY', ?, ?, ?, ?, ?, ?) USING TTL " + QUERY_TTL_SECONDS;
  private static final String EVENT =
      "INSERT INTO system_traces.events (session_id, event_id, activity, source, source_elapsed, source_port, thread)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL " + QUERY_TTL_SECONDS;

  private final Supplier<Schema> schema;
  private final WriteExecutor writes;
  private final TermFunctions functions;
  private final Clock clock;
  private final TimeUuids ids;
  private final InetAddress coordinator;
  private final int coordinatorPort;
  private final dev.ringlet.internal.trace.Tracer tracer;
  private final Map<String, Statement> parsed = new ConcurrentHashMap<>();
  private volatile java.util.concurrent.Executor lateWriter;

  /**
   * @param coordinator this node's address, recorded as coordinator and event source
   * @param coordinatorPort this node's storage port, as 5.0 records its broadcast address's port
   * @param tracer the node's thread-bound trace state, which its layers record events into
   */
  public Tracing(Supplier<Schema> schema, WriteExecutor writes, TermFunctions functions, Clock clock,
      InetAddress coordinator, int coordinatorPort, dev.ringlet.internal.trace.Tracer tracer) {
    this.tracer = tracer;
    this.schema = schema;
    this.writes = writes;
    this.functions = functions;
    this.clock = clock;
    this.ids = new TimeUuids(clock);
    this.coordinator = coordinator;
    this.coordinatorPort = coordinatorPort;
  }

  /** Starts the trace of one request: {@code request} is 5.0's name for it ("Execute CQL3 query"). */
  public Session begin(String request, InetAddress client, Map<String, String> parameters) {
    UUID id = ids.next();
    return new Session(id, request, client, parameters, clock.currentTimeMicros(), tracer.begin(id));
  }

  /** Runs {@code work} with the session current on this thread, so that every layer records its events in it. */
  public <T> T within(Session session, Supplier<T> work) {
    dev.ringlet.internal.trace.TraceState previous = tracer.enter(session.state);
    try {
      return work.get();
    } finally {
      tracer.exit(previous);
    }
  }

  /**
   * Writes events that arrive after their session's rows were written (a replica beyond the
   * consistency level answering late, over TCP) on {@code executor}, never on the thread that
   * received them (a transport's I/O thread, which the write's own answers need). Without it (a
   * node alone, which has no replicas to wait for) such events are dropped.
   */
  public Tracing writeLateEventsOn(java.util.concurrent.Executor executor) {
    this.lateWriter = java.util.Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** Writes the session's rows; the request has been answered (or has failed) by now. */
  public void finish(Session session) {
    long now = clock.currentTimeMicros();
    java.util.concurrent.Executor late = lateWriter;
    List<dev.ringlet.internal.trace.TraceEvent> events = session.state.finish(late == null ? lateEvents -> {}
        : lateEvents -> writeLater(late, session.id, lateEvents));
    writeEvents(session.id, events);
    write(SESSION, session.id, session.client, coordinator, coordinatorPort,
        (int) Math.min(Integer.MAX_VALUE, now - session.startedMicros), session.request,
        new Date(session.startedMicros / 1000), session.parameters);
  }

  private void writeLater(java.util.concurrent.Executor late, UUID session, List<dev.ringlet.internal.trace.TraceEvent> events) {
    try {
      late.execute(() -> {
        try {
          writeEvents(session, events);
        } catch (RuntimeException e) {
          // as 5.0's background trace writes: a late event that cannot be written is lost, nothing fails
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // the node is stopping
    }
  }

  private void writeEvents(UUID session, List<dev.ringlet.internal.trace.TraceEvent> events) {
    for (dev.ringlet.internal.trace.TraceEvent e : events) {
      write(EVENT, session, ids.at(e.atMicros()), e.activity(), e.source(),
          (int) Math.min(Integer.MAX_VALUE, e.elapsedMicros()), e.sourcePort(), e.thread());
    }
  }

  private void write(String cql, Object... values) {
    Statement.Modification statement = (Statement.Modification) parsed.computeIfAbsent(cql, CqlParser::parse);
    Variables variables = new Variables(statement.boundNames());
    TableMetadata table = schema.get().table(statement.table().keyspace(), statement.table().name());
    var write = ModificationAnalyzer.analyze(statement, table, new TermCompiler(variables, functions));
    List<ColumnSpec> specs = variables.specs();
    List<ByteBuffer> encoded = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      encoded.add(values[i] == null ? null : specs.get(i).type().encode(values[i]));
    }
    QueryOptions options = QueryOptions.simple(encoded);
    writes.execute(write, BoundValues.bind(specs, statement.boundNames(), options), options);
  }

  /** One traced request: its id and the events recorded so far. */
  public final class Session {
    private final UUID id;
    private final String request;
    private final InetAddress client;
    private final Map<String, String> parameters;
    private final long startedMicros;
    private final dev.ringlet.internal.trace.TraceState state;

    private Session(UUID id, String request, InetAddress client, Map<String, String> parameters, long startedMicros,
        dev.ringlet.internal.trace.TraceState state) {
      this.state = state;
      this.id = id;
      this.request = request;
      this.client = client;
      this.parameters = new java.util.HashMap<>(parameters);
      this.startedMicros = startedMicros;
    }

    /** The tracing session id the response carries. */
    public UUID id() {
      return id;
    }

    /** Adds a parameter of the session ({@code system_traces.sessions.parameters}). */
    public void parameter(String name, String value) {
      parameters.put(name, value);
    }

    /** Records an event of the coordinator, with the time since the request began. */
    public void event(String activity) {
      state.trace(activity);
    }
  }
}
