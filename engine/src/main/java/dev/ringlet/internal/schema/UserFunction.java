package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.NativeType;
import java.util.List;

/**
 * A user-defined function as the schema holds it ({@code system_schema.functions}): its keyspace,
 * name, argument names and types, return type, null-input behaviour, language and body text.
 */
public record UserFunction(
    String keyspace,
    String name,
    List<String> argumentNames,
    List<CqlType> argumentTypes,
    CqlType returnType,
    boolean calledOnNullInput,
    String language,
    String body) {

  public UserFunction {
    argumentNames = List.copyOf(argumentNames);
    argumentTypes = List.copyOf(argumentTypes);
  }

  /**
   * This function as 5.0 runs it: a {@code timeuuid} argument or return type (not one inside a
   * collection, tuple or user type) is its {@code TimeUUIDType.udfType()}, {@code LegacyTimeUUIDType},
   * which the body sees as a {@code ByteBuffer}, a selection's result metadata as that custom type,
   * and a bind marker in an argument as that custom type too. The schema keeps {@code timeuuid}
   * ({@code system_schema}, DESCRIBE and lookups by type).
   */
  public UserFunction asRun() {
    if (!argumentTypes.contains(NativeType.TIMEUUID) && returnType != NativeType.TIMEUUID) {
      return this;
    }
    return new UserFunction(keyspace, name, argumentNames, argumentTypes.stream().map(UserFunction::udfType).toList(),
        udfType(returnType), calledOnNullInput, language, body);
  }

  /** 5.0's {@code AbstractType.udfType()}: only a {@code timeuuid} is another type to functions. */
  public static CqlType udfType(CqlType type) {
    return type == NativeType.TIMEUUID ? CustomType.LEGACY_TIMEUUID : type;
  }

  /** Whether this function's argument types are {@code types} (frozenness ignored). */
  public boolean hasArguments(List<CqlType> types) {
    return UserFunctions.sameTypes(argumentTypes, types);
  }
}
