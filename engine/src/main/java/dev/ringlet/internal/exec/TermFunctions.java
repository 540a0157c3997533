package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.functions.FunctionRegistry;
import dev.ringlet.internal.exec.functions.TermCalls;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.time.Clock;
import java.util.function.Supplier;

/**
 * Function calls used as terms ({@code now()}, {@code blobAsInt(0x..)}, {@code token(1, 'a')},
 * ...): resolved against the node's {@link FunctionRegistry} with the receiver's type, and run
 * when the statement's values are bound. The registry is also the one of SELECT clauses.
 */
public final class TermFunctions {

  private final FunctionRegistry registry;
  private final Supplier<Schema> schema;

  /** Without a schema, {@code token(...)} terms are refused (they need the partition key types). */
  public TermFunctions(Clock clock) {
    this(clock, null);
  }

  public TermFunctions(Clock clock, Supplier<Schema> schema) {
    this(FunctionRegistry.create(clock, schema), schema);
  }

  /** With user-defined functions running on {@code udfExecutor}, within its timeouts. */
  public TermFunctions(Clock clock, Supplier<Schema> schema, dev.ringlet.internal.exec.udf.UdfExecutor udfExecutor) {
    this(FunctionRegistry.create(clock, schema, udfExecutor), schema);
  }

  private TermFunctions(FunctionRegistry registry, Supplier<Schema> schema) {
    this.registry = registry;
    this.schema = schema;
  }

  /** These functions, telling {@code userCalls} of each user-defined function a call resolves to. */
  public TermFunctions recording(java.util.function.Consumer<dev.ringlet.internal.exec.functions.NativeFunction> userCalls) {
    return new TermFunctions(registry.recording(userCalls), schema);
  }

  public FunctionRegistry registry() {
    return registry;
  }

  public BoundTerm compile(Term.FunctionCall call, ColumnSpec receiver, TermCompiler compiler) {
    return new TermCalls(registry, compiler, this::table).compile(call, receiver);
  }

  private TableMetadata table(ColumnSpec receiver) {
    TableMetadata t = schema == null ? null : schema.get().table(receiver.keyspace(), receiver.table());
    if (t == null) {
      throw CqlException.invalid("token() as a term needs the table's schema; unavailable for "
          + receiver.keyspace() + "." + receiver.table());
    }
    return t;
  }
}
