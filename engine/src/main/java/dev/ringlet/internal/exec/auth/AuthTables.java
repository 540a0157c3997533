package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.modify.ModificationAnalyzer;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.exec.select.SelectAnalyzer;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.time.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Internal CQL on the {@code system_auth} tables, as Cassandra's role manager and authorizer run
 * theirs: statements are parsed and analysed like a client's and run through the node's normal read
 * ({@link TableSource}) and write ({@link WriteExecutor}) paths, so the rows live in real table stores
 * and replicate like any data once writes do. Values are bound as Java values in the
 * {@link dev.ringlet.internal.types.CqlType} mapping; rows come back as column name to Java value.
 */
final class AuthTables {

  private final Supplier<Schema> schema;
  private final TableSource tables;
  private final WriteExecutor writes;
  private final TermFunctions functions;
  private final Clock clock;
  /** Parsed internal statements by text: a handful of constant strings. */
  private final Map<String, Statement> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  AuthTables(Supplier<Schema> schema, TableSource tables, WriteExecutor writes, TermFunctions functions, Clock clock) {
    this.schema = schema;
    this.tables = tables;
    this.writes = writes;
    this.functions = functions;
    this.clock = clock;
  }

  /** Runs an INSERT, UPDATE or DELETE on a {@code system_auth} table. */
  void write(String cql, Object... values) {
    Statement.Modification statement = (Statement.Modification) parsed.computeIfAbsent(cql, CqlParser::parse);
    Variables variables = new Variables(statement.boundNames());
    TableMetadata table = table(statement.table().keyspace(), statement.table().name());
    var write = ModificationAnalyzer.analyze(statement, table, new TermCompiler(variables, functions));
    QueryOptions options = QueryOptions.simple(encode(variables.specs(), values));
    writes.execute(write, BoundValues.bind(variables.specs(), statement.boundNames(), options), options);
  }

  /** Runs a SELECT on a {@code system_auth} table; every row, unpaged. */
  List<Map<String, Object>> select(String cql, Object... values) {
    Statement.Select statement = (Statement.Select) parsed.computeIfAbsent(cql, CqlParser::parse);
    Variables variables = new Variables(statement.boundNames());
    TableMetadata table = table(statement.table().keyspace(), statement.table().name());
    var select = SelectAnalyzer.analyze(statement, table, new TermCompiler(variables, functions));
    QueryOptions options = QueryOptions.simple(encode(variables.specs(), values));
    Result.Rows rows = select.execute(tables, BoundValues.bind(variables.specs(), statement.boundNames(), options),
        options, clock.nowInSeconds());
    List<Map<String, Object>> out = new ArrayList<>();
    for (List<ByteBuffer> row : rows.rows()) {
      Map<String, Object> decoded = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        ColumnSpec column = rows.columns().get(i);
        ByteBuffer value = row.get(i);
        decoded.put(column.name(), value == null ? null : column.type().decode(value.duplicate()));
      }
      out.add(decoded);
    }
    return out;
  }

  private TableMetadata table(String keyspace, String name) {
    TableMetadata table = schema.get().table(keyspace, name);
    if (table == null) {
      throw new IllegalStateException("no table " + keyspace + "." + name + " in the schema");
    }
    return table;
  }

  private static List<ByteBuffer> encode(List<ColumnSpec> specs, Object[] values) {
    if (specs.size() != values.length) {
      throw new IllegalArgumentException("values: " + values.length + " (expected: " + specs.size() + ")");
    }
    List<ByteBuffer> encoded = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      encoded.add(values[i] == null ? null : specs.get(i).type().encode(values[i]));
    }
    return encoded;
  }
}
