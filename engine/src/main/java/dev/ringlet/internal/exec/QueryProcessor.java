package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.UnpreparedException;
import dev.ringlet.internal.exec.ddl.DdlExecutor;
import dev.ringlet.internal.exec.modify.ModificationAnalyzer;
import dev.ringlet.internal.exec.modify.ModificationStatement;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.exec.select.SelectAnalyzer;
import dev.ringlet.internal.exec.select.SelectStatement;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point of CQL execution on a node: parses (with a cache), analyses against the current
 * schema, and runs statements; keeps prepared statements. Statements are re-analysed when the
 * schema has changed since they were analysed, so prepared statements follow ALTER TABLE.
 */
public final class QueryProcessor {

  private static final int MAX_CACHED_QUERIES = 10_000;

  private final SchemaManager schema;
  private final TableSource tables;
  private final RequestTables requestTables;
  private final WriteExecutor writes;
  private final DdlExecutor ddl;
  private final TermFunctions functions;
  private final Clock clock;
  private final java.util.function.Consumer<Result.SchemaChange> schemaEvents;
  private final ConsistencyGuard consistency;
  private final dev.ringlet.internal.exec.auth.AccessControl access;
  private final PreparedStatementCache prepared = new PreparedStatementCache();
  private final Map<String, Statement> parsed = new ConcurrentHashMap<>();
  private final Map<String, Analyzed> analyzed = new ConcurrentHashMap<>();
  private boolean dynamicDataMasking;
  private java.util.function.Supplier<List<String>> udfWarnings = List::of;

  public QueryProcessor(SchemaManager schema, TableSource tables, WriteExecutor writes, DdlExecutor ddl, TermFunctions functions,
      Clock clock, java.util.function.Consumer<Result.SchemaChange> schemaEvents, ConsistencyGuard consistency) {
    this(schema, tables, RequestTables.of(tables), writes, ddl, functions, clock, schemaEvents, consistency,
        dev.ringlet.internal.exec.auth.AccessControl.disabled());
  }

  /**
   * @param tables the node's own tables (DDL and session statements)
   * @param requestTables where SELECTs find their tables, at the request's consistency level
   * @param access authentication and authorization
   */
  public QueryProcessor(SchemaManager schema, TableSource tables, RequestTables requestTables, WriteExecutor writes, DdlExecutor ddl,
      TermFunctions functions, Clock clock, java.util.function.Consumer<Result.SchemaChange> schemaEvents,
      ConsistencyGuard consistency, dev.ringlet.internal.exec.auth.AccessControl access) {
    this.access = access;
    this.requestTables = requestTables;
    this.schemaEvents = schemaEvents;
    this.consistency = consistency;
    this.schema = schema;
    this.tables = tables;
    this.writes = writes;
    this.ddl = ddl;
    this.functions = functions;
    this.clock = clock;
  }

  /**
   * Applies column masks to reads of users without UNMASK (Cassandra's {@code
   * dynamic_data_masking_enabled}, off by default: masks are then never applied); call it while
   * building the node.
   */
  public QueryProcessor withDynamicDataMasking(boolean enabled) {
    this.dynamicDataMasking = enabled;
    return this;
  }

  /**
   * Adds the client warnings user-defined function calls leave on the request's thread (5.0's
   * "User defined function ... ran longer than ...ms") to each result, after the statement's own;
   * call it while building the node.
   */
  public QueryProcessor withUdfWarnings(java.util.function.Supplier<List<String>> drain) {
    this.udfWarnings = drain;
    return this;
  }

  /** QUERY: parse, analyse and run. */
  public Result query(String cql, QueryOptions options, ClientSession session) {
    udfWarnings.get();
    try {
      Analyzed a = analyze(cql, session.keyspace(), PreparedStatementCache.analysisKey(cql, session.keyspace()));
      return withUdfWarnings(run(a, options, session));
    } catch (RuntimeException e) {
      throw withUdfWarnings(e);
    }
  }

  /** A failure with the warnings of the function calls made before it (5.0 sends them with the error). */
  private RuntimeException withUdfWarnings(RuntimeException failure) {
    return WarnedFailure.append(failure, udfWarnings.get());
  }

  private Result withUdfWarnings(Result result) {
    List<String> extra = udfWarnings.get();
    if (extra.isEmpty()) {
      return result;
    }
    List<String> all = new ArrayList<>(result.warnings());
    all.addAll(extra);
    if (result instanceof Result.Rows r) {
      return new Result.Rows(r.columns(), r.rows(), r.pagingState(), all);
    }
    if (result instanceof Result.Void) {
      return new Result.Void(all);
    }
    if (result instanceof Result.SchemaChange c) {
      return new Result.SchemaChange(c.change(), c.target(), c.keyspace(), c.name(), c.argumentTypes(), all);
    }
    return result;
  }

  /** PREPARE: analyse and remember; the same text in the same keyspace always gets the same id. */
  public Result.Prepared prepare(String cql, ClientSession session) {
    Analyzed a = analyze(cql, session.keyspace(), PreparedStatementCache.analysisKey(cql, session.keyspace()));
    byte[] id = prepared.put(cql, session.keyspace());
    return new Result.Prepared(id, a.variables(), a.partitionKeyIndexes(), a.resultColumns());
  }

  /** EXECUTE of a prepared id. */
  public Result execute(byte[] id, QueryOptions options, ClientSession session) {
    PreparedStatementCache.Entry entry = prepared.get(id);
    if (entry == null) {
      throw unprepared(id);
    }
    udfWarnings.get();
    try {
      Analyzed a = analyze(entry.query(), entry.keyspace(), entry.analysisKey());
      return withUdfWarnings(run(a, options, session));
    } catch (RuntimeException e) {
      throw withUdfWarnings(e);
    }
  }

  /** A prepared statement's text and bound variables, as 5.0 records an EXECUTE's trace parameters. */
  public record PreparedText(String query, List<ColumnSpec> variables) {}

  /** The text and bound variables of a prepared id, or null when the id is unknown (no side effect). */
  public PreparedText preparedText(byte[] id) {
    PreparedStatementCache.Entry entry = prepared.get(id);
    if (entry == null) {
      return null;
    }
    return new PreparedText(entry.query(), analyze(entry.query(), entry.keyspace(), entry.analysisKey()).variables());
  }

  /** The analysed form of a prepared id, for BATCH. */
  public Analyzed preparedStatement(byte[] id) {
    PreparedStatementCache.Entry entry = prepared.get(id);
    if (entry == null) {
      throw unprepared(id);
    }
    return analyze(entry.query(), entry.keyspace(), entry.analysisKey());
  }

  private static UnpreparedException unprepared(byte[] id) {
    return new UnpreparedException(id, "Prepared query with ID " + HexFormat.of().formatHex(id)
        + " not found (either the query was not prepared on this host (maybe the host has been restarted?)"
        + " or you have prepared too many queries and it has been evicted from the internal cache)");
  }

  /**
   * BATCH: each child is a query string or a prepared id, with its values.
   *
   * @param children {@code String} query texts or {@code byte[]} prepared ids
   */
  public Result batch(Statement.Batch.Type type, List<Object> children, List<List<java.nio.ByteBuffer>> values, QueryOptions options, ClientSession session) {
    udfWarnings.get();
    try {
      return withUdfWarnings(runBatch(type, children, values, options, session));
    } catch (RuntimeException e) {
      throw withUdfWarnings(e);
    }
  }

  private Result runBatch(Statement.Batch.Type type, List<Object> children, List<List<java.nio.ByteBuffer>> values,
      QueryOptions options, ClientSession session) {
    List<ModificationStatement> statements = new ArrayList<>();
    List<BoundValues> bound = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      Object child = children.get(i);
      Analyzed a = child instanceof String s
          ? analyze(s, session.keyspace(), PreparedStatementCache.analysisKey(s, session.keyspace())) : preparedStatement((byte[]) child);
      if (a.write() == null) {
        throw CqlException.invalid("Invalid statement in batch: only UPDATE, INSERT and DELETE statements are allowed.");
      }
      access.authorizeWrite(session.user(), a.write().table().keyspace(), a.write().table().name());
      authorizeCalls(a, session);
      validateWrite(a.write(), options);
      statements.add(a.write());
      QueryOptions childOptions = new QueryOptions(options.consistency(), values.get(i), null, -1, null,
          options.serialConsistency(), options.defaultTimestamp(), options.nowInSeconds());
      bound.add(BoundValues.bind(a.variables(), a.statement().boundNames(), childOptions));
    }
    return writes.batch(batchType(type), statements, bound, options, Long.MIN_VALUE,
        () -> statements.forEach(w -> checkReplicas(w, options)));
  }

  private void checkWrite(ModificationStatement write, QueryOptions options) {
    validateWrite(write, options);
    checkReplicas(write, options);
  }

  /**
   * Whether enough replicas of the write's keyspace are alive (Unavailable). A batch counts them
   * after its size warnings, as 5.0 does, so an Unavailable batch carries them.
   */
  private void checkReplicas(ModificationStatement write, QueryOptions options) {
    consistency.checkWriteReplicas(keyspaceOf(write.table()), options.consistency(),
        write.condition() != ModificationStatement.ConditionKind.NONE, options.serialConsistency());
  }

  /** What a write may not do whatever the replicas (system keyspaces, views, counter and write levels). */
  private void validateWrite(ModificationStatement write, QueryOptions options) {
    if (dev.ringlet.internal.exec.ddl.SystemNames.isSystem(write.table().keyspace())) {
      throw new CqlException(dev.ringlet.internal.error.ErrorCode.UNAUTHORIZED,
          write.table().keyspace() + " keyspace is not user-modifiable.");
    }
    if (write.table().isView()) {
      throw CqlException.invalid("Cannot directly modify a materialized view");
    }
    if (write.table().counter()) {
      dev.ringlet.internal.cluster.ConsistencyArithmetic.validateCounterForWrite(options.consistency(), write.table().name());
    }
    consistency.validateWrite(keyspaceOf(write.table()), options.consistency(),
        write.condition() != ModificationStatement.ConditionKind.NONE);
  }

  private dev.ringlet.internal.schema.KeyspaceMetadata keyspaceOf(TableMetadata table) {
    return schema.current().keyspace(table.keyspace());
  }

  private static dev.ringlet.internal.exec.modify.BatchType batchType(Statement.Batch.Type type) {
    return dev.ringlet.internal.exec.modify.BatchType.valueOf(type.name());
  }

  private Analyzed analyze(String cql, String keyspace, String cacheKey) {
    Schema current = schema.current();
    Analyzed cached = analyzed.get(cacheKey);
    if (cached != null && cached.schemaVersion().equals(current.version())) {
      return cached;
    }
    if (cached != null && keepsAcrossSchemaChanges(cached, current)) {
      // the same statement (and its kept projections) under the new version: see SelectStatement.keptAcrossSchemaChanges
      Analyzed again = new Analyzed(cached.statement(), cached.select(), null, null, cached.variables(),
          cached.partitionKeyIndexes(), cached.resultColumns(), current.version(), cached.userFunctions());
      analyzed.put(cacheKey, again);
      return again;
    }
    Statement statement = parsed.get(cql);
    if (statement == null) {
      try {
        statement = CqlParser.parse(cql);
      } catch (dev.ringlet.internal.cql.parse.MultiplePrimaryKeysException e) {
        String ks = e.table().keyspace() != null ? e.table().keyspace() : keyspace;
        throw CqlException.invalid("Multiple PRIMARY KEY specified for table '" + ks + "." + e.table().name()
            + "' (exactly one required)");
      }
      if (parsed.size() < MAX_CACHED_QUERIES) {
        parsed.put(cql, statement);
      }
    }
    Analyzed a;
    try {
      a = analyze(statement, keyspace, current);
    } catch (FailedParsingException e) {
      throw CqlException.syntax("Failed parsing statement: [" + cql + "] reason: " + e.getMessage());
    }
    if (analyzed.size() >= MAX_CACHED_QUERIES) {
      analyzed.clear();
    }
    analyzed.put(cacheKey, a);
    return a;
  }

  /**
   * Whether an analysis made under an earlier schema is still this one's: a SELECT that
   * {@linkplain SelectStatement#keptAcrossSchemaChanges() may be kept}, calling no user function,
   * whose table is still the same metadata object. A driver re-reads {@code system_schema} and
   * {@code system_virtual_schema} after every DDL; their tables never change.
   */
  private static boolean keepsAcrossSchemaChanges(Analyzed cached, Schema current) {
    SelectStatement s = cached.select();
    return s != null && s.keptAcrossSchemaChanges() && cached.userFunctions().isEmpty()
        && current.table(s.table().keyspace(), s.table().name()) == s.table();
  }

  private Analyzed analyze(Statement statement, String keyspace, Schema current) {
    Variables variables = new Variables(statement.boundNames());
    List<dev.ringlet.internal.exec.functions.NativeFunction> calls = new ArrayList<>();
    TermCompiler terms = new TermCompiler(variables, functions.recording(calls::add));
    if (statement instanceof Statement.Select select) {
      TableMetadata table = table(select.table(), keyspace, current);
      SelectStatement s = SelectAnalyzer.analyze(select, table, terms);
      List<ColumnSpec> specs = variables.specs();
      return new Analyzed(statement, s, null, null, specs, keyIndexes(table, specs), s.resultColumns(), current.version(), List.copyOf(calls));
    }
    if (statement instanceof Statement.Modification m) {
      TableMetadata table = table(m.table(), keyspace, current);
      ModificationStatement w = ModificationAnalyzer.analyze(m, table, terms);
      if (w.condition() != ModificationStatement.ConditionKind.NONE && w.hasUsingTimestamp()) {
        // 5.0 validates this when it prepares the statement, so a prepared one fails there
        throw CqlException.invalid("Cannot provide custom timestamp for conditional updates");
      }
      List<ColumnSpec> specs = variables.specs();
      // Like Cassandra, a conditional write's result columns are only known when it runs, so the
      // prepared metadata is empty and every response carries its own.
      return new Analyzed(statement, null, w, null, specs, keyIndexes(table, specs), List.of(), current.version(), List.copyOf(calls));
    }
    if (statement instanceof Statement.Batch b) {
      List<ModificationStatement> children = new ArrayList<>();
      for (Statement.Modification m : b.statements()) {
        children.add(ModificationAnalyzer.analyze(m, table(m.table(), keyspace, current), terms));
      }
      List<ColumnSpec> specs = variables.specs();
      int[] pk = children.isEmpty() ? new int[0] : keyIndexes(children.get(0).table(), specs);
      return new Analyzed(statement, null, null, children, specs, pk, List.of(), current.version(), List.copyOf(calls));
    }
    if (!statement.boundNames().isEmpty()) {
      throw CqlException.invalid("Bind variables are not allowed in this kind of statement");
    }
    return new Analyzed(statement, null, null, null, List.of(), new int[0], List.of(), current.version(), List.copyOf(calls));
  }

  /** For each partition key column, the index of the marker bound to it alone; null when not all are. */
  private static int[] keyIndexes(TableMetadata table, List<ColumnSpec> specs) {
    int[] out = new int[table.partitionKey().size()];
    for (int i = 0; i < out.length; i++) {
      ColumnMetadata pk = table.partitionKey().get(i);
      out[i] = -1;
      for (int j = 0; j < specs.size(); j++) {
        ColumnSpec s = specs.get(j);
        if (s.name().equals(pk.name()) && s.table().equals(table.name()) && s.keyspace().equals(table.keyspace())) {
          out[i] = j;
          break;
        }
      }
      if (out[i] < 0) {
        return null;
      }
    }
    return out;
  }

  private TableMetadata table(QualifiedName name, String sessionKeyspace, Schema current) {
    String ks = name.keyspace() != null ? name.keyspace() : sessionKeyspace;
    if (ks == null) {
      throw CqlException.invalid("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
    }
    if (current.keyspace(ks) == null) {
      throw CqlException.invalid("keyspace " + ks + " does not exist");
    }
    TableMetadata t = current.table(ks, name.name());
    if (t == null) {
      throw CqlException.invalid("table " + name.name() + " does not exist");
    }
    return t;
  }

  /** Permission checks against the tables the statement was analysed against (a prepared one's keyspace). */
  private void authorize(Analyzed a, ClientSession session) {
    if (a.batch() != null) {
      for (ModificationStatement w : a.batch()) {
        access.authorizeWrite(session.user(), w.table().keyspace(), w.table().name());
      }
      authorizeCalls(a, session);
      return;
    }
    String keyspace = a.select() != null ? a.select().table().keyspace()
        : a.write() != null ? a.write().table().keyspace() : session.keyspace();
    access.authorize(a.statement(), session.user(), keyspace, schema.current());
    authorizeCalls(a, session);
  }

  /** EXECUTE on the user-defined functions the statement calls, after its table permissions. */
  private void authorizeCalls(Analyzed a, ClientSession session) {
    for (dev.ringlet.internal.exec.functions.NativeFunction f : a.userFunctions()) {
      int dot = f.name().indexOf('.');
      access.authorizeExecute(session.user(), f.name().substring(0, dot), f.name().substring(dot + 1), f.argTypes(),
          schema.current());
    }
  }

  /**
   * The query as {@code user} may see it, as 5.0 does: restricting masked columns needs UNMASK or
   * SELECT_MASKED; their values are masked unless the user has UNMASK (or masking is disabled).
   */
  private SelectStatement visibleTo(SelectStatement select, String user) {
    TableMetadata t = select.table();
    access.authorizeMaskedRestrictions(user, t.keyspace(), t.name(), select.restrictedMaskedColumns());
    if (!dynamicDataMasking || !t.hasMaskedColumns()
        || access.hasTablePermission(user, t.keyspace(), t.name(), dev.ringlet.internal.auth.Permission.UNMASK)) {
      return select;
    }
    return select.masked();
  }

  private Result run(Analyzed a, QueryOptions options, ClientSession session) {
    Statement st = a.statement();
    authorize(a, session);
    if (dev.ringlet.internal.exec.auth.RoleStatements.handles(st)) {
      return access.execute(st, session.user(), session.keyspace(), schema.current());
    }
    if (a.select() != null) {
      SelectStatement select = visibleTo(a.select(), session.user());
      BoundValues values = BoundValues.bind(a.variables(), st.boundNames(), options);
      try {
        consistency.checkRead(keyspaceOf(a.select().table()), options.consistency());
      } catch (RuntimeException e) {
        // 5.0 warns about an aggregation before it reads, so its Unavailable carries the warning
        throw WarnedFailure.attach(e, select.aggregationWarnings(values));
      }
      TableSource source = requestTables.forRequest(options.consistency(), null);
      return select.execute(source, values, options, options.nowInSeconds(clock));
    }
    if (a.write() != null) {
      checkWrite(a.write(), options);
      BoundValues values = BoundValues.bind(a.variables(), st.boundNames(), options);
      return writes.execute(a.write(), values, options);
    }
    if (a.batch() != null) {
      a.batch().forEach(w -> validateWrite(w, options));
      BoundValues values = BoundValues.bind(a.variables(), st.boundNames(), options);
      List<BoundValues> each = new ArrayList<>();
      for (int i = 0; i < a.batch().size(); i++) {
        each.add(values);
      }
      Statement.Batch b = (Statement.Batch) st;
      if (b.using().ttl() != null) {
        throw CqlException.invalid("Global TTL on the BATCH statement is not supported.");
      }
      long ts = Long.MIN_VALUE;
      if (b.using().timestamp() != null) {
        BoundTerm t = new TermCompiler(new Variables(st.boundNames()), functions).compile(b.using().timestamp(),
            new ColumnSpec("", "", "[timestamp]", dev.ringlet.internal.types.NativeType.BIGINT));
        ts = (Long) dev.ringlet.internal.types.NativeType.BIGINT.decode(t.bind(values));
      }
      return writes.batch(batchType(b.type()), a.batch(), each, options, ts,
          () -> a.batch().forEach(w -> checkReplicas(w, options)));
    }
    Result result = DdlDispatch.run(st, ddl, session, tables, schema.current());
    if (result instanceof Result.SchemaChange change) {
      access.schemaChanged(st, change, session.user(), schema.current());
      schemaEvents.accept(change);
    }
    return result;
  }
}
