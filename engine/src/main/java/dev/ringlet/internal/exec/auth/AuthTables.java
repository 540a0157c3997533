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
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
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

  /**
   * Whether the table has a live row: what {@code SELECT ... LIMIT 1} finds, read from the table's
   * store without CQL (a node's start asks this before the query path's classes are needed).
   */
  boolean anyRow(String keyspace, String name) {
    return tables.store(table(keyspace, name)).scan(null, true, clock.nowInSeconds()).hasNext();
  }

  /**
   * Writes what {@code INSERT INTO keyspace.name (columns...) VALUES (values...) USING TIMESTAMP timestamp}
   * writes (the row's liveness and one cell per value, with the table's default TTL), straight to the
   * table's store without CQL: for a table without clustering columns, keyed by one column, and
   * single-cell values.
   *
   * @param values Java values (in the {@link dev.ringlet.internal.types.CqlType} mapping) by column name,
   *     the partition key's among them
   */
  void insert(String keyspace, String name, long timestamp, Map<String, Object> values) {
    TableMetadata table = table(keyspace, name);
    if (table.partitionKey().size() != 1 || !table.clustering().isEmpty()) {
      throw new IllegalArgumentException("table: " + keyspace + "." + name
          + " (expected: one partition key column and no clustering columns)");
    }
    ColumnMetadata key = table.partitionKey().get(0);
    Object keyValue = values.get(key.name());
    if (keyValue == null) {
      throw new IllegalArgumentException("values: no " + key.name() + " (expected: the partition key's value)");
    }
    long now = clock.nowInSeconds();
    int ttl = table.params().defaultTimeToLive();
    Map<String, Cell> cells = new HashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      ColumnMetadata column = table.column(e.getKey());
      if (column == null || column.type().isMultiCell()) {
        throw new IllegalArgumentException("column: " + e.getKey() + " (expected: a single-cell column of " + keyspace + "."
            + name + ")");
      }
      if (column != key) {
        cells.put(column.name(), Cell.expiring(column.type().encode(e.getValue()), timestamp, ttl, now));
      }
    }
    DecoratedKey partition = PartitionKeys.decorate(table, List.of(key.type().encode(keyValue)));
    RowUpdate row = new RowUpdate(Clustering.EMPTY, LivenessInfo.of(timestamp, ttl, now), DeletionTime.LIVE, cells);
    tables.store(table).apply(new PartitionUpdate(partition, DeletionTime.LIVE, List.of(), null, List.of(row)));
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
