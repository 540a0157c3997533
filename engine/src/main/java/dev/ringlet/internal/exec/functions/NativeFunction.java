package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One overload of a native function: its name (without {@code system.}), signature and body. */
public sealed interface NativeFunction {

  String name();

  List<CqlType> argTypes();

  CqlType returnType();

  /** Cassandra's rendering in error messages: {@code system.abs : (int) -> int}. */
  default String signature() {
    return qualified(name()) + " : (" + argTypes().stream().map(CqlType::cql).collect(Collectors.joining(", "))
        + ") -> " + returnType().cql();
  }

  /**
   * A scalar function. When {@code nullOnNullInput}, a null argument gives null without running the
   * body; otherwise the body sees nulls.
   */
  record Scalar(String name, List<CqlType> argTypes, CqlType returnType, boolean nullOnNullInput, Body body)
      implements NativeFunction {

    public Scalar {
      argTypes = List.copyOf(argTypes);
    }

    public ByteBuffer execute(List<ByteBuffer> args) {
      if (nullOnNullInput) {
        for (ByteBuffer a : args) {
          if (a == null) {
            return null;
          }
        }
      }
      return body.apply(args);
    }
  }

  /** An aggregate: a new accumulator for each query. */
  record Aggregate(String name, List<CqlType> argTypes, CqlType returnType, Supplier<Accumulator> accumulator)
      implements NativeFunction {

    public Aggregate {
      argTypes = List.copyOf(argTypes);
    }
  }

  /** The body of a scalar function. */
  @FunctionalInterface
  interface Body {
    ByteBuffer apply(List<ByteBuffer> args);
  }

  /** Accumulates the arguments of each row. */
  interface Accumulator {
    void add(List<ByteBuffer> args);

    ByteBuffer result();
  }

  /** A function's name as messages and column names show it: {@code system.abs}, {@code ks.udf}. */
  static String qualified(String name) {
    return name.indexOf('.') >= 0 ? name : "system." + name;
  }

  static Scalar scalar(String name, CqlType returnType, List<CqlType> args, Body body) {
    return new Scalar(name, args, returnType, true, body);
  }

  /** A one-argument function on decoded Java values (null in, null out). */
  static Scalar unary(String name, CqlType arg, CqlType returnType, java.util.function.Function<Object, Object> f) {
    return new Scalar(name, List.of(arg), returnType, true, args -> {
      Object v = arg.decode(args.get(0));
      return v == null ? null : returnType.encode(f.apply(v));
    });
  }
}
