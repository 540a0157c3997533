package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The data masking functions of Cassandra 5.0: {@code mask_null} (always null), {@code
 * mask_default} (a fixed value of the type, even for null input), {@code mask_replace} (a given
 * value), {@code mask_inner}/{@code mask_outer} (pad part of a string) and {@code mask_hash}
 * (a digest of the serialized value, SHA-256 unless named).
 */
final class MaskingFunctions {

  private MaskingFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of(
        factory("mask_null", (args, t) -> {
          expectCount("mask_null", args, 1, 1);
          CqlType u = udfType(args, t);
          return new NativeFunction.Scalar("mask_null", List.of(u), u, false, a -> null);
        }),
        factory("mask_default", (args, t) -> {
          expectCount("mask_default", args, 1, 1);
          ByteBuffer value = defaultValue(t);
          CqlType u = udfType(args, t);
          return new NativeFunction.Scalar("mask_default", List.of(u), u, false, a -> value);
        }),
        factory("mask_replace", (args, t) -> {
          expectCount("mask_replace", args, 2, 2);
          CqlType u = udfType(args, t);
          NativeFunction.Scalar f = new NativeFunction.Scalar("mask_replace", List.of(u, u), u, false, a -> a.get(1));
          FunctionResolver.validate(f, args);
          return f;
        }),
        factory("mask_inner", (args, t) -> partial("mask_inner", args, t, true)),
        factory("mask_outer", (args, t) -> partial("mask_outer", args, t, false)),
        factory("mask_hash", (args, t) -> {
          expectCount("mask_hash", args, 1, 2);
          List<CqlType> types = args.size() == 1 ? List.of(t) : List.of(t, NativeType.TEXT);
          NativeFunction.Scalar f = new NativeFunction.Scalar("mask_hash", types, NativeType.BLOB, false,
              a -> hash(a.get(0), a.size() > 1 ? a.get(1) : null));
          FunctionResolver.validate(f, args);
          return f;
        }));
  }

  /**
   * The type 5.0's function factories give an argument once it is validated ({@code
   * AbstractType.udfType()}): a timeuuid becomes the custom LegacyTimeUUIDType, so the functions
   * returning their argument's type return that; a DESC clustering column's {@code ReversedType}
   * has no other udfType, so its timeuuid stays one.
   */
  private static CqlType udfType(List<FunctionArg> args, CqlType t) {
    return t == NativeType.TIMEUUID && !args.get(0).reversedColumn() ? CustomType.LEGACY_TIMEUUID : t;
  }

  private interface Maker {
    NativeFunction make(List<FunctionArg> args, CqlType firstType);
  }

  private static FunctionFactory factory(String name, Maker maker) {
    return new FunctionFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public NativeFunction resolve(List<FunctionArg> args, CqlType receiver) {
        if (args.isEmpty()) {
          throw CqlException.invalid("Invalid number of arguments for function system." + name + ": 0");
        }
        CqlType first = args.get(0).isTyped() ? args.get(0).type() : receiver;
        if (first == null) {
          throw CqlException.invalid("Cannot infer type for term " + args.get(0).text()
              + " in argument 0 of function system." + name);
        }
        return maker.make(args, first);
      }
    };
  }

  /** The parameters as 5.0's function factories list them in their "Invalid number of arguments" message. */
  private static final java.util.Map<String, String> PARAMETERS = java.util.Map.of(
      "mask_null", "(any)",
      "mask_default", "(any)",
      "mask_inner", "([text|varchar|ascii], int, int, [text])",
      "mask_outer", "([text|varchar|ascii], int, int, [text])",
      "mask_hash", "(any, [text])");

  private static void expectCount(String name, List<FunctionArg> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      String parameters = PARAMETERS.get(name);
      throw CqlException.invalid("Invalid number of arguments for function system." + name
          + (parameters == null ? ": " + args.size() : parameters));
    }
  }

  private static NativeFunction partial(String name, List<FunctionArg> args, CqlType t, boolean inner) {
    expectCount(name, args, 3, 4);
    if (t != NativeType.TEXT && t != NativeType.ASCII) {
      throw CqlException.invalid("Function system." + name + " requires an argument of type [text|varchar|ascii],"
          + " but found argument " + args.get(0).text() + " of type " + t.cql());
    }
    for (int i = 1; i <= 2; i++) {
      FunctionArg a = args.get(i);
      String found = a.isTyped() ? (a.type() == NativeType.INT ? null : a.type().cql())
          : a.untyped() == FunctionArg.Untyped.LITERAL_STRING ? "ascii" : null; // 5.0 types a string literal ascii here
      if (found != null) {
        throw CqlException.invalid("Function system." + name + " requires an argument of type int, but found argument "
            + a.text() + " of type " + found);
      }
    }
    List<CqlType> types = new ArrayList<>(List.of(t, NativeType.INT, NativeType.INT));
    if (args.size() == 4) {
      types.add(NativeType.TEXT);
    }
    NativeFunction.Scalar f = new NativeFunction.Scalar(name, types, t, false, a -> {
      String s = (String) t.decode(a.get(0));
      if (s == null) {
        return null;
      }
      int begin = a.get(1) == null ? 0 : Math.max(0, (Integer) NativeType.INT.decode(a.get(1)));
      int end = a.get(2) == null ? 0 : Math.max(0, (Integer) NativeType.INT.decode(a.get(2)));
      char pad = '*';
      if (a.size() > 3 && a.get(3) != null) {
        String p = (String) NativeType.TEXT.decode(a.get(3));
        if (p.length() != 1) {
          throw CqlException.invalid("The padding argument for function system." + name
              + " should be single-character, but '" + p + "' has " + p.length() + " characters.");
        }
        pad = p.charAt(0);
      }
      return t.encode(inner ? maskInner(s, begin, end, pad) : maskOuter(s, begin, end, pad));
    });
    FunctionResolver.validate(f, args);
    return f;
  }

  static String maskInner(String s, int begin, int end, char pad) {
    int n = s.length();
    int from = Math.min(begin, n);
    int to = Math.max(from, n - Math.min(end, n));
    return s.substring(0, from) + String.valueOf(pad).repeat(to - from) + s.substring(to);
  }

  static String maskOuter(String s, int begin, int end, char pad) {
    int n = s.length();
    int head = Math.min(begin, n);
    int tail = Math.min(end, n - head);
    return String.valueOf(pad).repeat(head) + s.substring(head, n - tail) + String.valueOf(pad).repeat(tail);
  }

  private static ByteBuffer hash(ByteBuffer value, ByteBuffer algorithm) {
    if (value == null) {
      return null;
    }
    String name = algorithm == null ? "SHA-256" : (String) NativeType.TEXT.decode(algorithm);
    try {
      MessageDigest digest = MessageDigest.getInstance(name);
      digest.update(value.duplicate());
      return ByteBuffer.wrap(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw CqlException.invalid("Hash algorithm not found: " + name);
    }
  }

  /** The value {@code mask_default} gives for each type. */
  static ByteBuffer defaultValue(CqlType t) {
    if (t == dev.ringlet.internal.types.CustomType.DATE) {
      return defaultValue(NativeType.TIMESTAMP); // a DateType masks as the timestamp it is
    }
    if (t instanceof ListType l) {
      return l.pack(List.of());
    }
    if (t instanceof SetType s) {
      return s.pack(List.of());
    }
    if (t instanceof MapType m) {
      return m.pack(List.of());
    }
    if (t instanceof TupleType tuple) {
      List<Object> elements = new ArrayList<>();
      for (CqlType e : tuple.elements()) {
        elements.add(e.decode(defaultValue(e)));
      }
      return tuple.encode(elements);
    }
    if (!(t instanceof NativeType nt)) {
      throw CqlException.invalid("Function system.mask_default does not support type " + t.cql());
    }
    return switch (nt) {
      case ASCII, TEXT -> nt.encode("****");
      case TINYINT -> nt.encode((byte) 0);
      case SMALLINT -> nt.encode((short) 0);
      case INT -> nt.encode(0);
      case BIGINT, COUNTER -> nt.encode(0L);
      case FLOAT -> nt.encode(0f);
      case DOUBLE -> nt.encode(0d);
      case DECIMAL -> nt.encode(BigDecimal.ZERO);
      case VARINT -> nt.encode(BigInteger.ZERO);
      case BOOLEAN -> nt.encode(false);
      case TIMESTAMP -> nt.encode(Instant.EPOCH);
      case DATE -> nt.encode(LocalDate.EPOCH);
      case TIME -> nt.encode(0L);
      case UUID -> nt.encode(new UUID(0, 0));
      case TIMEUUID -> nt.encode(TimeFunctions.timeUuid(0, 0, 0x8080808080808080L));
      case INET -> nt.encode(anyAddress());
      case BLOB -> ByteBuffer.allocate(0);
      case DURATION -> nt.encode(new CqlDuration(0, 0, 0));
    };
  }

  private static InetAddress anyAddress() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
