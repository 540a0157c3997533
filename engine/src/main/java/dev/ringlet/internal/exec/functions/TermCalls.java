package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.MarshalException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Compiles one function call used as a term (a value in INSERT, UPDATE or WHERE): resolves the
 * overload with the receiver's type, compiles the arguments against the parameter types (bind
 * markers are named {@code argN(system.fn)}), checks the result fits the receiver.
 */
public final class TermCalls {

  private final FunctionRegistry registry;
  private final TermCompiler compiler;
  private final Function<ColumnSpec, TableMetadata> tables;

  public TermCalls(FunctionRegistry registry, TermCompiler compiler, Function<ColumnSpec, TableMetadata> tables) {
    this.registry = registry;
    this.compiler = compiler;
    this.tables = tables;
  }

  private record Compiled(BoundTerm term, CqlType type, String function) {}

  public BoundTerm compile(Term.FunctionCall call, ColumnSpec receiver) {
    Compiled c = call(call, receiver);
    if (!FunctionArg.sameType(c.type(), receiver.type()) && !FunctionArg.valueCompatible(receiver.type(), c.type())) {
      throw CqlException.invalid("Type error: cannot assign result of function " + NativeFunction.qualified(c.function())
          + " (type " + c.type().cql() + ") to " + receiver.name() + " (type " + receiver.type().cql() + ")");
    }
    return c.term();
  }

  private Compiled call(Term.FunctionCall call, ColumnSpec receiver) {
    String name = call.function().name();
    boolean system = call.function().keyspace() == null || call.function().keyspace().equalsIgnoreCase("system");
    List<Term> terms = call.arguments();
    List<FunctionArg> args = new ArrayList<>();
    List<Compiled> nested = new ArrayList<>();
    for (Term t : terms) {
      Compiled inner = null;
      FunctionArg arg;
      if (t instanceof Term.FunctionCall f) {
        inner = call(f, new ColumnSpec(receiver.keyspace(), receiver.table(), "[nested]", null));
        arg = FunctionArg.typed(TermText.of(t), inner.type());
      } else if (t instanceof Term.TypeHint h) {
        arg = FunctionArg.typed(TermText.of(t), dev.ringlet.internal.exec.ddl.TypeResolver.resolve(h.type(), null));
      } else if (t instanceof Term.Constant k) {
        arg = FunctionArg.literal(TermText.of(t), k.kind());
      } else if (t instanceof Term.ListLiteral l) {
        arg = FunctionArg.listLiteral(TermText.of(t), l.elements().size());
      } else if (TermText.untypedKind(t) != null) {
        arg = FunctionArg.untyped(TermText.of(t), TermText.untypedKind(t));
      } else {
        throw CqlException.invalid("Arithmetic operations are not supported as function arguments in terms");
      }
      args.add(arg);
      nested.add(inner);
    }
    NativeFunction fn;
    if (system && name.equals("token")) {
      TableMetadata table = tables.apply(receiver);
      fn = TokenFunction.of(table.partitionKey().stream().map(ColumnMetadata::type).toList());
      FunctionResolver.validate(fn, args);
    } else {
      fn = registry.resolve(call.function(), args, receiver.type(), receiver.keyspace());
    }
    if (fn == null) {
      throw CqlException.invalid("Unknown function " + call.function() + " called");
    }
    if (!(fn instanceof NativeFunction.Scalar scalar)) {
      throw CqlException.invalid("Aggregate function " + call.function() + " cannot be used as a term");
    }
    List<BoundTerm> bound = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      bound.add(nested.get(i) != null ? nested.get(i).term()
          : compiler.compile(terms.get(i), new ColumnSpec(receiver.keyspace(), receiver.table(),
              "arg" + i + "(" + NativeFunction.qualified(fn.name()) + ")", fn.argTypes().get(i))));
    }
    BoundTerm term = values -> {
      List<ByteBuffer> vals = new ArrayList<>(bound.size());
      for (BoundTerm b : bound) {
        ByteBuffer v = b.bind(values);
        if (v == QueryOptions.UNSET) {
          throw CqlException.invalid("Invalid unset value for argument in call to function " + fn.name());
        }
        vals.add(v);
      }
      return validated(scalar, scalar.execute(vals));
    };
    return new Compiled(term, fn.returnType(), fn.name());
  }

  /**
   * A function's result as a term value, checked as 5.0's {@code FunctionCall.bindAndGet} checks it:
   * bytes that are no value of the return type (a user function's tuple or user type holding
   * unchecked bytes) fail the statement with its server error. The bytes are otherwise the body's: a
   * user function's set or map keeps its body's iteration order, which 5.0's restrictions compare as
   * they are; only a column's assignment sorts them ({@link TermCompiler#compileAssigned}).
   */
  private static ByteBuffer validated(NativeFunction.Scalar fn, ByteBuffer result) {
    if (result == null) {
      return null;
    }
    try {
      fn.returnType().validate(result);
    } catch (MarshalException e) {
      throw CqlException.serverError(String.format(
          "java.lang.RuntimeException: Return of function %s (%s) is not a valid value for its declared return type %s",
          fn.signature(), hex(result), fn.returnType().cql()));
    }
    return result;
  }

  private static String hex(ByteBuffer value) {
    byte[] bytes = new byte[value.remaining()];
    value.duplicate().get(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
