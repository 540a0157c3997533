package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Arithmetic ({@code + - * / %}) with Cassandra's result types: the wider of two integer types,
 * float unless mixed with bigint or double, decimal as soon as a decimal (or a varint with a
 * floating point number) is involved. Integer results wrap; integer division by zero is a
 * function failure. Also timestamp/date plus or minus a duration, text concatenation, and the
 * unary minus.
 */
final class Operations {

  private static final int MIN_SCALE = 32;
  private static final int MAX_SCALE = 1000;

  private Operations() {}

  /** The operation for {@code left op right}; both arguments typed (untyped ones take their preferred type). */
  static NativeFunction.Scalar binary(char op, FunctionArg left, FunctionArg right) {
    // 5.0 finds no operation taking a ReversedType, so a constant beside one matches several: ambiguous
    boolean reversedOperand = isReversedType(left) || isReversedType(right);
    for (FunctionArg a : List.of(left, right)) {
      if (a.preferredType() == null || reversedOperand && !a.isTyped()) {
        CqlType other = (a == left ? right : left).preferredType();
        throw CqlException.invalid("Ambiguous '" + op + "' operation with args " + left.text() + " and " + right.text()
            + ": use type hint to disambiguate, example '(" + (other == null ? "int" : other.cql()) + ") ?'");
      }
    }
    CqlType l = dateTypeAsTimestamp(left.preferredType());
    CqlType r = dateTypeAsTimestamp(right.preferredType());
    String name = l.cql() + " " + op + " " + r.cql();
    if (l instanceof NativeType ln && r instanceof NativeType rn) {
      if (isNumber(ln) && isNumber(rn)) {
        NativeType result = resultType(ln, rn);
        return new NativeFunction.Scalar("_op", List.of(l, r), result, true,
            args -> numeric(op, name, ln, rn, result, args.get(0), args.get(1)));
      }
      if ((ln == NativeType.TIMESTAMP || ln == NativeType.DATE) && rn == NativeType.DURATION && (op == '+' || op == '-')) {
        return new NativeFunction.Scalar("_op", List.of(l, r), ln, true,
            args -> temporal(op, ln, args.get(0), args.get(1)));
      }
      if (isText(ln) && isText(rn) && op == '+') {
        NativeType result = ln == NativeType.ASCII && rn == NativeType.ASCII ? NativeType.ASCII : NativeType.TEXT;
        return new NativeFunction.Scalar("_op", List.of(l, r), result, true,
            args -> result.encode((String) ln.decode(args.get(0)) + rn.decode(args.get(1))));
      }
    }
    throw CqlException.invalid("the '" + op + "' operation is not supported between " + left.text() + " and " + right.text());
  }

  /** {@code -x} of a number, of the number's own type. */
  static NativeFunction.Scalar negate(FunctionArg operand) {
    CqlType t = operand.preferredType();
    if (!(t instanceof NativeType nt) || !isNumber(nt)) {
      throw CqlException.invalid("the '-' operation is not supported for " + operand.text());
    }
    return new NativeFunction.Scalar("_negate", List.of(t), t, true, args -> {
      Object v = nt.decode(args.get(0));
      return v == null ? null : nt.encode(switch (nt) {
        case TINYINT -> (byte) -(Byte) v;
        case SMALLINT -> (short) -(Short) v;
        case INT -> -(Integer) v;
        case FLOAT -> -(Float) v;
        case DOUBLE -> -(Double) v;
        case DECIMAL -> ((BigDecimal) v).negate();
        case VARINT -> ((BigInteger) v).negate();
        default -> -(Long) v;
      });
    });
  }

  static boolean isNumber(NativeType t) {
    return Summation.isNumeric(t);
  }

  private static boolean isText(NativeType t) {
    return t == NativeType.TEXT || t == NativeType.ASCII;
  }

  static NativeType resultType(NativeType l, NativeType r) {
    l = l == NativeType.COUNTER ? NativeType.BIGINT : l;
    r = r == NativeType.COUNTER ? NativeType.BIGINT : r;
    if (l == NativeType.DECIMAL || r == NativeType.DECIMAL) {
      return NativeType.DECIMAL;
    }
    if (l == NativeType.VARINT || r == NativeType.VARINT) {
      return isFloating(l) || isFloating(r) ? NativeType.DECIMAL : NativeType.VARINT;
    }
    if (l == NativeType.DOUBLE || r == NativeType.DOUBLE) {
      return NativeType.DOUBLE;
    }
    if (l == NativeType.FLOAT || r == NativeType.FLOAT) {
      return l == NativeType.BIGINT || r == NativeType.BIGINT ? NativeType.DOUBLE : NativeType.FLOAT;
    }
    return rank(l) >= rank(r) ? l : r;
  }

  private static boolean isFloating(NativeType t) {
    return t == NativeType.FLOAT || t == NativeType.DOUBLE;
  }

  private static int rank(NativeType t) {
    return switch (t) {
      case TINYINT -> 0;
      case SMALLINT -> 1;
      case INT -> 2;
      default -> 3;
    };
  }

  private static ByteBuffer numeric(char op, String name, NativeType lt, NativeType rt, NativeType result,
      ByteBuffer lb, ByteBuffer rb) {
    Number l = (Number) lt.decode(lb);
    Number r = (Number) rt.decode(rb);
    if (l == null || r == null) {
      return null;
    }
    try {
      return switch (result) {
        case FLOAT -> result.encode(floats(op, l.floatValue(), r.floatValue()));
        case DOUBLE -> result.encode(doubles(op, l.doubleValue(), r.doubleValue()));
        case DECIMAL -> result.encode(decimals(op, decimal(l), decimal(r)));
        case VARINT -> result.encode(varints(op, varint(l), varint(r)));
        case TINYINT -> result.encode((byte) longs(op, l.longValue(), r.longValue()));
        case SMALLINT -> result.encode((short) longs(op, l.longValue(), r.longValue()));
        case INT -> result.encode((int) longs(op, l.longValue(), r.longValue()));
        default -> result.encode(longs(op, l.longValue(), r.longValue()));
      };
    } catch (ArithmeticException e) {
      throw new FunctionFailure("_op", List.of(lt, rt),
          "the operation '" + name + "' failed: " + e.getMessage());
    }
  }

  private static long longs(char op, long l, long r) {
    return switch (op) {
      case '+' -> l + r;
      case '-' -> l - r;
      case '*' -> l * r;
      case '/' -> l / r;
      default -> l % r;
    };
  }

  private static float floats(char op, float l, float r) {
    return switch (op) {
      case '+' -> l + r;
      case '-' -> l - r;
      case '*' -> l * r;
      case '/' -> l / r;
      default -> l % r;
    };
  }

  private static double doubles(char op, double l, double r) {
    return switch (op) {
      case '+' -> l + r;
      case '-' -> l - r;
      case '*' -> l * r;
      case '/' -> l / r;
      default -> l % r;
    };
  }

  private static BigInteger varints(char op, BigInteger l, BigInteger r) {
    return switch (op) {
      case '+' -> l.add(r);
      case '-' -> l.subtract(r);
      case '*' -> l.multiply(r);
      case '/' -> l.divide(r);
      default -> l.remainder(r);
    };
  }

  private static BigDecimal decimals(char op, BigDecimal l, BigDecimal r) {
    return switch (op) {
      case '+' -> l.add(r);
      case '-' -> l.subtract(r);
      case '*' -> l.multiply(r);
      case '/' -> divide(l, r);
      default -> l.remainder(r);
    };
  }

  /** Enough digits for 32 significant ones in the quotient, then trailing zeros dropped. */
  private static BigDecimal divide(BigDecimal l, BigDecimal r) {
    int firstDigit = (l.precision() - l.scale()) - (r.precision() - r.scale());
    int scale = Math.max(MIN_SCALE - firstDigit, Math.max(l.scale(), r.scale()));
    scale = Math.min(Math.max(scale, MIN_SCALE), MAX_SCALE);
    return l.divide(r, scale, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (n instanceof Float f) {
      return new BigDecimal(Float.toString(f));
    }
    return BigDecimal.valueOf(n.doubleValue());
  }

  private static BigInteger varint(Number n) {
    return n instanceof BigInteger i ? i : BigInteger.valueOf(n.longValue());
  }

  private static ByteBuffer temporal(char op, NativeType type, ByteBuffer value, ByteBuffer duration) {
    CqlDuration d = (CqlDuration) NativeType.DURATION.decode(duration);
    int sign = op == '+' ? 1 : -1;
    if (type == NativeType.DATE) {
      LocalDate date = (LocalDate) type.decode(value);
      return type.encode(date.plusMonths((long) sign * d.months()).plusDays((long) sign * d.days())
          .plusDays(sign * (d.nanoseconds() / 86_400_000_000_000L)));
    }
    Instant instant = (Instant) type.decode(value);
    Instant result = instant.atZone(ZoneOffset.UTC).plusMonths((long) sign * d.months()).plusDays((long) sign * d.days())
        .plusNanos(sign * d.nanoseconds()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    return type.encode(result);
  }

  private static boolean isReversedType(FunctionArg a) {
    return a.isTyped() && a.type() instanceof dev.ringlet.internal.types.CustomType c && c.reversedBase() != null;
  }

  /** 5.0's temporal operations take a DateType as the timestamp it is (its result is a timestamp). */
  private static CqlType dateTypeAsTimestamp(CqlType type) {
    return type == dev.ringlet.internal.types.CustomType.DATE ? NativeType.TIMESTAMP : type;
  }
}
