package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.LiteralKind;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;

/**
 * An argument of a function call as overload resolution sees it: a typed value (a column, a
 * function result, a hinted term) or an untyped term (a literal, a bind marker, null) that fits
 * some types. {@code text} is how Cassandra prints it in messages and column names;
 * {@code literalSize} is the element count of a list literal, else -1. {@code reversedColumn}
 * marks a clustering column ordered DESC, whose type 5.0 holds as {@code ReversedType(type)}:
 * the function factories that type their result as their argument ({@code min}, {@code max},
 * the masking functions) then keep {@code type} rather than its {@code udfType()}.
 */
public record FunctionArg(String text, CqlType type, Untyped untyped, int literalSize, boolean reversedColumn) {

  /** How a term fits a parameter type, as in Cassandra's {@code AssignmentTestable}. */
  public enum Fit {
    EXACT,
    WEAK,
    NONE
  }

  /** The kinds of untyped terms. */
  public enum Untyped {
    MARKER,
    NULL,
    COLLECTION,
    TUPLE,
    LITERAL_STRING,
    LITERAL_INTEGER,
    LITERAL_FLOAT,
    LITERAL_BOOLEAN,
    LITERAL_UUID,
    LITERAL_HEX,
    LITERAL_DURATION
  }

  public static FunctionArg typed(String text, CqlType type) {
    return new FunctionArg(text, type, null, -1, false);
  }

  /** A clustering column ordered DESC (see {@link #reversedColumn}). */
  public static FunctionArg reversedColumn(String text, CqlType type) {
    return new FunctionArg(text, type, null, -1, true);
  }

  public static FunctionArg untyped(String text, Untyped kind) {
    return new FunctionArg(text, null, kind, -1, false);
  }

  public static FunctionArg listLiteral(String text, int size) {
    return new FunctionArg(text, null, Untyped.COLLECTION, size, false);
  }

  public static FunctionArg literal(String text, LiteralKind kind) {
    return untyped(text, switch (kind) {
      case STRING -> Untyped.LITERAL_STRING;
      case INTEGER -> Untyped.LITERAL_INTEGER;
      case FLOAT -> Untyped.LITERAL_FLOAT;
      case BOOLEAN -> Untyped.LITERAL_BOOLEAN;
      case UUID -> Untyped.LITERAL_UUID;
      case HEX -> Untyped.LITERAL_HEX;
      case DURATION -> Untyped.LITERAL_DURATION;
    });
  }

  public boolean isTyped() {
    return type != null;
  }

  public Fit fit(CqlType target) {
    if (type != null) {
      if (sameType(type, target)) {
        return Fit.EXACT;
      }
      return valueCompatible(target, type) ? Fit.WEAK : Fit.NONE;
    }
    return switch (untyped) {
      case MARKER, NULL -> Fit.WEAK;
      case COLLECTION -> target instanceof ListType || target instanceof SetType || target instanceof MapType
          || target instanceof VectorType ? Fit.WEAK : Fit.NONE;
      case TUPLE -> target instanceof TupleType || target instanceof UserType ? Fit.WEAK : Fit.NONE;
      // a literal is tested against a LegacyTimeUUIDType parameter as its CQL type, timeuuid
      default -> literalFit(target == CustomType.LEGACY_TIMEUUID ? NativeType.TIMEUUID : target);
    };
  }

  private Fit literalFit(CqlType target) {
    if (target instanceof CustomType ct) {
      return ct.accepts(literalKind()) ? Fit.WEAK : Fit.NONE;
    }
    if (!(target instanceof NativeType nt) || !nt.accepts(literalKind())) {
      return Fit.NONE;
    }
    return target == literalType() ? Fit.EXACT : Fit.WEAK;
  }

  /**
   * The type a literal matches exactly: its {@link #preferredType()}, except that a version 1 UUID is
   * a timeuuid, as 5.0's {@code Constants.Type.UUID.getPreferedTypeFor} reads the literal's text.
   */
  private CqlType literalType() {
    if (untyped == Untyped.LITERAL_UUID) {
      try {
        return java.util.UUID.fromString(text).version() == 1 ? NativeType.TIMEUUID : NativeType.UUID;
      } catch (IllegalArgumentException e) {
        return NativeType.UUID;
      }
    }
    return preferredType();
  }

  /** The preferred type of an untyped literal where one must be inferred (arithmetic). */
  public CqlType preferredType() {
    if (type != null) {
      return type;
    }
    return switch (untyped) {
      case LITERAL_STRING -> NativeType.TEXT;
      case LITERAL_INTEGER -> NativeType.INT;
      case LITERAL_FLOAT -> NativeType.DOUBLE;
      case LITERAL_BOOLEAN -> NativeType.BOOLEAN;
      case LITERAL_UUID -> NativeType.UUID;
      case LITERAL_HEX -> NativeType.BLOB;
      case LITERAL_DURATION -> NativeType.DURATION;
      default -> null;
    };
  }

  private LiteralKind literalKind() {
    return switch (untyped) {
      case LITERAL_STRING -> LiteralKind.STRING;
      case LITERAL_INTEGER -> LiteralKind.INTEGER;
      case LITERAL_FLOAT -> LiteralKind.FLOAT;
      case LITERAL_BOOLEAN -> LiteralKind.BOOLEAN;
      case LITERAL_UUID -> LiteralKind.UUID;
      case LITERAL_HEX -> LiteralKind.HEX;
      case LITERAL_DURATION -> LiteralKind.DURATION;
      default -> throw new IllegalStateException("not a literal: " + untyped);
    };
  }

  /**
   * Same type, ignoring frozenness; {@code timeuuid} and {@code LegacyTimeUUIDType} are one type, as
   * 5.0's {@code AbstractTimeUUIDType.equals} makes them.
   */
  static boolean sameType(CqlType a, CqlType b) {
    return a.equals(b) || a.freeze().equals(b.freeze()) || (isTimeUuid(a) && isTimeUuid(b));
  }

  private static boolean isTimeUuid(CqlType t) {
    return t == NativeType.TIMEUUID || t == CustomType.LEGACY_TIMEUUID;
  }

  /** Cassandra's {@code isValueCompatibleWith}: bytes of {@code source} are valid bytes of {@code target}. */
  static boolean valueCompatible(CqlType target, CqlType source) {
    if (sameType(target, source) || target == NativeType.BLOB) {
      return true;
    }
    if (source instanceof CustomType c) {
      // 5.0's ReversedType is value-compatible with no other type: only blob parameters take it;
      // nor is a LegacyTimeUUIDType with uuid (UUIDType takes only UUIDType and TimeUUIDType instances)
      return c.reversedBase() == null && !(c == CustomType.LEGACY_TIMEUUID && target == NativeType.UUID)
          && valueCompatible(target, c.behaviour());
    }
    if (target instanceof CustomType c) {
      // 5.0's composites and PartitionerDefinedOrder take only themselves (isValueCompatibleWithInternal), not blobs
      return !c.isComposite() && !c.isPartitionerOrder() && c.reversedBase() == null
          && valueCompatible(c.behaviour(), source);
    }
    if (target == NativeType.TEXT) {
      return source == NativeType.ASCII;
    }
    if (target == NativeType.BIGINT) {
      return source == NativeType.TIMESTAMP;
    }
    if (target == NativeType.VARINT) {
      return source == NativeType.INT || source == NativeType.BIGINT || source == NativeType.TIMESTAMP;
    }
    if (target == NativeType.UUID) {
      return source == NativeType.TIMEUUID;
    }
    if (target == NativeType.DATE) {
      return source == NativeType.INT;
    }
    if (target == NativeType.TIMESTAMP) {
      return source == NativeType.BIGINT;
    }
    return false;
  }
}
