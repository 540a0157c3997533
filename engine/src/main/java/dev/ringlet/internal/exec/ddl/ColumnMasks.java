package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.MaskExpr;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.functions.ColumnMaskers;
import dev.ringlet.internal.exec.functions.NativeFunction;
import dev.ringlet.internal.schema.ColumnMask;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares the {@code MASKED WITH} clauses of CREATE TABLE and ALTER TABLE as Cassandra 5.0's
 * {@code ColumnMask.Raw} does: the function must resolve with the column's value as its first
 * argument, be a scalar masking function (native {@code mask_*}, or user-defined in the table's
 * keyspace) returning the column's type; the other arguments are stored serialized.
 */
final class ColumnMasks {

  /** Cassandra 5.0's message when {@code dynamic_data_masking_enabled} is false. */
  static final String DISABLED = "Cannot mask columns because dynamic data masking is not enabled. You can enable it with"
      + " the dynamic_data_masking_enabled property on cassandra.yaml";

  private final TermFunctions functions;
  private final boolean enabled;

  ColumnMasks(TermFunctions functions, boolean enabled) {
    this.functions = functions;
    this.enabled = enabled;
  }

  /** Refuses masking DDL unless dynamic data masking is enabled. */
  void ensureEnabled() {
    if (!enabled) {
      throw CqlException.invalid(DISABLED);
    }
  }

  /** The mask of {@code column} (of {@code type}) in {@code keyspace.table}, or null for a null clause. */
  ColumnMask prepare(MaskExpr raw, String keyspace, String table, String column, CqlType type) {
    if (raw == null) {
      return null;
    }
    String shown = raw.function() + "(" + ColumnMaskers.text(raw.arguments()) + ")";
    NativeFunction f = ColumnMaskers.resolve(functions.registry(), raw.function(), MarshalTypeNames.of(type), type,
        raw.arguments(), keyspace);
    if (f == null) {
      throw CqlException.invalid("Unable to find masking function for " + column
          + ", no declared function matches the signature " + shown);
    }
    if (f instanceof NativeFunction.Aggregate) {
      throw CqlException.invalid("Aggregate function " + shown + " cannot be used for masking table columns");
    }
    int dot = f.name().indexOf('.');
    if (dot < 0 && !ColumnMaskers.isNativeMasking(f)) {
      throw CqlException.invalid("Not-masking function " + shown + " cannot be used for masking table columns");
    }
    String functionKeyspace = dot < 0 ? "system" : f.name().substring(0, dot);
    if (dot >= 0 && !functionKeyspace.equals(keyspace)) {
      throw CqlException.invalid("Masking function " + shown + " doesn't belong to the same keyspace as the table "
          + keyspace + "." + table);
    }
    if (!f.returnType().cql().equals(type.cql())) {
      throw CqlException.invalid("Masking function " + shown + " return type is " + f.returnType().cql() + ". This is"
          + " different to the type of the masked column " + column + " of type " + type.cql() + ". Masking functions"
          + " can only be attached to table columns if they return the same data type as the masked column.");
    }
    List<CqlType> argumentTypes = new ArrayList<>(f.argTypes().subList(1, f.argTypes().size()));
    List<ByteBuffer> values = new ArrayList<>();
    TermCompiler compiler = new TermCompiler(new Variables(List.of()), functions);
    for (int i = 0; i < raw.arguments().size(); i++) {
      values.add(compiler.compile(raw.arguments().get(i), new ColumnSpec(keyspace, table,
          "arg" + i + "(" + f.name() + ")", argumentTypes.get(i))).bind(BoundValues.NONE));
    }
    return new ColumnMask(functionKeyspace, dot < 0 ? f.name() : f.name().substring(dot + 1), argumentTypes, values);
  }
}
