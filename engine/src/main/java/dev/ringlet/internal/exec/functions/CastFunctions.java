package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code CAST(x AS type)}: Cassandra's {@code cast_as_<type>} functions. Numbers convert to each
 * other (integers keep their low bits, floating point truncates) and to text; every native type
 * but blob and duration converts to text and ascii (text only to text); timestamps, dates and timeuuids convert
 * among themselves. A cast to the argument's own type is the identity.
 */
final class CastFunctions {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private CastFunctions() {}

  /** The conversion of {@code arg} to {@code target} ({@code written}: the type's name as written). */
  static NativeFunction.Scalar resolve(FunctionArg arg, CqlType target, String written) {
    if (arg.type() == CustomType.DATE && target instanceof NativeType t) {
      checkDateTypeCast(t);
    }
    // a custom type's values cast as its native behaviour's (LegacyTimeUUIDType as timeuuid)
    CqlType source = arg.type() instanceof CustomType c ? c.behaviour() : arg.type();
    if (FunctionArg.sameType(source, target) && !written.equals("varchar")) {
      return new NativeFunction.Scalar("cast_as_" + target.cql(), List.of(source), target, true, args -> args.get(0));
    }
    if (!(target instanceof NativeType t) || written.equals("varchar") || sources(t).isEmpty()) {
      throw CqlException.invalid(arg.text() + " cannot be cast to " + written);
    }
    List<NativeType> from = sources(t);
    NativeType s = source instanceof NativeType n ? reinterpreted(n, from) : null;
    if (s == null) {
      List<String> signatures = new ArrayList<>();
      for (NativeType f : from) {
        signatures.add("system.cast_as_" + t.cql() + " : (" + f.cql() + ") -> " + t.cql());
      }
      throw CqlException.invalid("Invalid call to function system.cast_as_" + t.cql()
          + ", none of its type signatures match (known type signatures: " + String.join(", ", signatures) + ")");
    }
    return new NativeFunction.Scalar("cast_as_" + t.cql(), List.of(s), t, true, args -> convert(s, t, args.get(0)));
  }

  /**
   * The parameter type the source's bytes are read as: itself when castable, else the only castable
   * type accepting its bytes (an int is a valid date, a bigint a valid timestamp), else null.
   */
  private static NativeType reinterpreted(NativeType source, List<NativeType> from) {
    if (from.contains(source)) {
      return source;
    }
    List<NativeType> accepting = from.stream().filter(f -> FunctionArg.valueCompatible(f, source)).toList();
    return accepting.size() == 1 ? accepting.get(0) : null;
  }

  /**
   * 5.0 resolves a cast of a {@code DateType} as a call with an argument of a type of its own that
   * timestamp, bigint and varint parameters take: to text and ascii three casts match, to the other
   * numbers two (ambiguous), to timestamp none; to bigint, varint and date it is the timestamp's cast.
   * The signatures are listed in the order 5.0.9 gave them (its function map's iteration order).
   */
  private static void checkDateTypeCast(NativeType target) {
    List<String> matching = switch (target) {
      case TEXT, ASCII -> List.of("timestamp", "varint", "bigint");
      case DECIMAL -> List.of("bigint", "varint");
      case TINYINT, SMALLINT, INT, FLOAT, DOUBLE -> List.of("varint", "bigint");
      default -> List.of();
    };
    String name = "system.cast_as_" + target.cql();
    if (!matching.isEmpty()) {
      List<String> signatures = new ArrayList<>();
      for (String m : matching) {
        signatures.add(name + " : (" + m + ") -> " + target.cql());
      }
      throw CqlException.invalid("Ambiguous call to function " + name + " (can be matched by following signatures: "
          + String.join(", ", signatures) + "): use type casts to disambiguate");
    }
    if (target == NativeType.TIMESTAMP) {
      throw CqlException.invalid("Invalid call to function " + name + ", none of its type signatures match (known type"
          + " signatures: " + name + " : (timeuuid) -> timestamp, " + name + " : (date) -> timestamp)");
    }
  }

  /** The types castable to {@code target}, in the order Cassandra 5.0 lists them in its messages. */
  private static List<NativeType> sources(NativeType target) {
    return switch (target) {
      case TINYINT, SMALLINT, INT, FLOAT, DOUBLE, DECIMAL -> numbersBut(target);
      case BIGINT, VARINT -> {
        List<NativeType> out = new ArrayList<>(numbersBut(target));
        out.add(NativeType.TIMESTAMP);
        yield out;
      }
      case DATE -> List.of(NativeType.TIMEUUID, NativeType.TIMESTAMP);
      case TIMESTAMP -> List.of(NativeType.DATE, NativeType.TIMEUUID);
      case TEXT -> named("smallint int date tinyint double ascii uuid time decimal float varint boolean inet timeuuid"
          + " bigint timestamp counter");
      case ASCII -> named("float inet double bigint timestamp boolean smallint int counter time timeuuid uuid date"
          + " varint tinyint decimal");
      default -> List.of();
    };
  }

  private static List<NativeType> named(String names) {
    return java.util.Arrays.stream(names.split(" ")).map(NativeType::byName).toList();
  }

  /** Numbers but {@code target}, in the order of Cassandra's {@code cast_as_int} message. */
  private static List<NativeType> numbersBut(NativeType target) {
    List<NativeType> order = named("tinyint int bigint counter float smallint decimal double varint");
    return order.stream().filter(n -> n != target).toList();
  }

  private static ByteBuffer convert(NativeType from, NativeType to, ByteBuffer value) {
    Object v = from.decode(value);
    if (v == null) {
      return null;
    }
    if (to == NativeType.TEXT || to == NativeType.ASCII) {
      return to.encode(text(from, value, v));
    }
    if (v instanceof Instant i && (to == NativeType.BIGINT || to == NativeType.VARINT)) {
      v = i.toEpochMilli();
    }
    if (v instanceof Number n) {
      return to.encode(number(n, to));
    }
    Instant instant = v instanceof Instant i ? i
        : v instanceof LocalDate d ? d.atStartOfDay(ZoneOffset.UTC).toInstant()
        : TimeFunctions.instant((UUID) v);
    return to == NativeType.DATE ? to.encode(TimeFunctions.date(instant)) : to.encode(instant);
  }

  private static Object number(Number n, NativeType to) {
    return switch (to) {
      case TINYINT -> n instanceof BigDecimal d ? d.toBigInteger().byteValue() : n.byteValue();
      case SMALLINT -> n instanceof BigDecimal d ? d.toBigInteger().shortValue() : n.shortValue();
      case INT -> n instanceof BigDecimal d ? d.toBigInteger().intValue() : n.intValue();
      case BIGINT, COUNTER -> n instanceof BigDecimal d ? d.toBigInteger().longValue() : n.longValue();
      case FLOAT -> n.floatValue();
      case DOUBLE -> n.doubleValue();
      case DECIMAL -> Operations.decimal(n);
      case VARINT -> n instanceof BigInteger i ? i : Operations.decimal(n).toBigInteger();
      default -> throw new IllegalArgumentException("not a number type: " + to);
    };
  }

  private static String text(NativeType from, ByteBuffer value, Object v) {
    if (v instanceof Instant i) {
      return ISO_MILLIS.format(i);
    }
    if (v instanceof String s) {
      return s;
    }
    String literal = from.toCqlLiteral(value);
    return literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")
        ? literal.substring(1, literal.length() - 1).replace("''", "'")
        : literal;
  }
}
