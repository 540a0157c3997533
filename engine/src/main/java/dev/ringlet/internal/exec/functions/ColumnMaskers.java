package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMask;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The functions behind dynamic data masks: resolving {@code MASKED WITH f(args)} for a column (the
 * column's value is the first argument) and turning a stored {@link ColumnMask} into the function
 * that masks a value, as Cassandra 5.0's {@code ColumnMask} and its {@code Masker} do.
 */
public final class ColumnMaskers {

  private ColumnMaskers() {}

  /**
   * The function {@code MASKED WITH name(arguments)} names for a column of {@code columnType} in a
   * table of {@code keyspace}, resolved as a call with the column's value first; null when no
   * function has that name. {@code columnText} names the column's value in messages (5.0 shows its
   * marshal type's class name).
   */
  public static NativeFunction resolve(FunctionRegistry registry, QualifiedName name, String columnText, CqlType columnType,
      List<Term> arguments, String keyspace) {
    List<FunctionArg> args = new ArrayList<>();
    args.add(FunctionArg.typed(columnText, columnType));
    for (Term t : arguments) {
      args.add(argument(t));
    }
    return registry.resolve(name, args, columnType, keyspace);
  }

  private static FunctionArg argument(Term t) {
    if (t instanceof Term.Constant k) {
      return FunctionArg.literal(TermText.of(t), k.kind());
    }
    if (t instanceof Term.TypeHint h) {
      return FunctionArg.typed(TermText.of(t), dev.ringlet.internal.exec.ddl.TypeResolver.resolve(h.type(), null));
    }
    if (t instanceof Term.ListLiteral l) {
      return FunctionArg.listLiteral(TermText.of(t), l.elements().size());
    }
    FunctionArg.Untyped kind = TermText.untypedKind(t);
    if (kind == null) {
      throw CqlException.invalid("Invalid masking function argument " + TermText.of(t));
    }
    return FunctionArg.untyped(TermText.of(t), kind);
  }

  /** The arguments as Cassandra prints them in masking messages: {@code 1, 'x', NULL}. */
  public static String text(List<Term> arguments) {
    return TermText.join(arguments);
  }

  /** Whether the function is a native masking function ({@code mask_*}) rather than another native one. */
  public static boolean isNativeMasking(NativeFunction f) {
    return !f.name().contains(".") && f.name().startsWith("mask_");
  }

  /**
   * The masker of a stored mask for a column of {@code columnType}: the value, null included, in,
   * the masked value out.
   *
   * @throws CqlException when the mask's function no longer resolves
   */
  public static UnaryOperator<ByteBuffer> masker(FunctionRegistry registry, ColumnMask mask, CqlType columnType,
      String keyspace) {
    List<FunctionArg> args = new ArrayList<>();
    args.add(FunctionArg.typed("[value]", columnType));
    for (CqlType t : mask.argumentTypes()) {
      args.add(FunctionArg.typed("[argument]", t));
    }
    // a mask runs without EXECUTE on its function, as in 5.0: the resolution is not recorded as a call
    NativeFunction f = registry.recording(called -> { }).resolve(new QualifiedName(mask.functionKeyspace(),
        mask.functionName()), args, columnType, keyspace);
    if (!(f instanceof NativeFunction.Scalar scalar)) {
      throw CqlException.invalid("Unable to find masking function " + mask.functionKeyspace() + "." + mask.functionName());
    }
    List<ByteBuffer> partial = mask.argumentValues();
    return value -> {
      List<ByteBuffer> values = new ArrayList<>(partial.size() + 1);
      values.add(value == null ? null : value.duplicate());
      for (ByteBuffer b : partial) {
        values.add(b == null ? null : b.duplicate());
      }
      return scalar.execute(values);
    };
  }
}
