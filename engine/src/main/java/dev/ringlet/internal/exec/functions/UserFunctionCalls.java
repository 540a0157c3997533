package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.exec.udf.CompiledUdf;
import dev.ringlet.internal.exec.udf.JavaUdfs;
import dev.ringlet.internal.exec.udf.UdfExecutor;
import dev.ringlet.internal.exec.udf.UdfFailure;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.UserAggregate;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The user-defined functions and aggregates of the current schema as callable overloads, named
 * {@code keyspace.name} as Cassandra names them in result columns and messages.
 */
final class UserFunctionCalls {

  private final Supplier<Schema> schema;
  private final JavaUdfs udfs;
  /** Null: bodies run on the caller's thread, without timeouts. */
  private final UdfExecutor executor;

  UserFunctionCalls(Supplier<Schema> schema, UdfExecutor executor) {
    this.schema = schema;
    this.udfs = new JavaUdfs(name -> schema.get().keyspace(name));
    this.executor = executor;
  }

  /** Every function and aggregate called {@code name} in {@code keyspace}, as overloads. */
  List<NativeFunction> overloads(String keyspace, String name) {
    List<NativeFunction> out = new ArrayList<>();
    KeyspaceMetadata ks = keyspace == null ? null : schema.get().keyspace(keyspace);
    if (ks == null) {
      return out;
    }
    List<UserFunction> functions = new ArrayList<>(ks.functions().functions(name));
    functions.sort((x, y) -> compareTypes(x.argumentTypes(), y.argumentTypes()));
    for (UserFunction f : functions) {
      out.add(scalar(f.asRun()));
    }
    for (UserAggregate a : ks.functions().aggregates(name)) {
      NativeFunction agg = aggregate(ks, a);
      if (agg != null) {
        out.add(agg);
      }
    }
    return out;
  }

  /** Overloads in {@code system_schema.functions} order: by argument type texts. */
  private static int compareTypes(List<CqlType> a, List<CqlType> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).cql().compareTo(b.get(i).cql());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private NativeFunction.Scalar scalar(UserFunction f) {
    return new NativeFunction.Scalar(f.keyspace() + "." + f.name(), f.argumentTypes(), f.returnType(), false,
        args -> run(f, args));
  }

  private ByteBuffer run(UserFunction f, List<ByteBuffer> args) {
    CompiledUdf compiled = udfs.get(f);
    try {
      return executor == null ? compiled.execute(args) : executor.execute(f, compiled, args);
    } catch (UdfFailure e) {
      throw new FunctionFailure(f.keyspace(), f.name(), f.argumentTypes(), e.getMessage());
    }
  }

  private NativeFunction.Aggregate aggregate(KeyspaceMetadata ks, UserAggregate a) {
    List<CqlType> stateArgs = new ArrayList<>();
    stateArgs.add(a.stateType());
    stateArgs.addAll(a.argumentTypes());
    UserFunction state = ks.functions().function(a.stateFunction(), stateArgs);
    UserFunction last = a.finalFunction() == null ? null : ks.functions().function(a.finalFunction(), List.of(a.stateType()));
    if (state == null || (a.finalFunction() != null && last == null)) {
      return null;
    }
    UserFunction stateRun = state.asRun();
    UserFunction lastRun = last == null ? null : last.asRun();
    // as 5.0, the aggregate's types are its functions' (a timeuuid is LegacyTimeUUIDType to them)
    return new NativeFunction.Aggregate(a.keyspace() + "." + a.name(),
        a.argumentTypes().stream().map(UserFunction::udfType).toList(),
        UserFunction.udfType(a.returnType()),
        () -> new NativeFunction.Accumulator() {
          private ByteBuffer current = a.initCond() == null ? null : a.initCond().duplicate();

          @Override
          public void add(List<ByteBuffer> args) {
            List<ByteBuffer> all = new ArrayList<>(args.size() + 1);
            all.add(current);
            all.addAll(args);
            current = run(stateRun, all);
          }

          @Override
          public ByteBuffer result() {
            return lastRun == null ? current : run(lastRun, java.util.Collections.singletonList(current));
          }
        });
  }
}
