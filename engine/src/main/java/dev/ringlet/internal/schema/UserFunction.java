package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;
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

  /** Whether this function's argument types are {@code types} (frozenness ignored). */
  public boolean hasArguments(List<CqlType> types) {
    return UserFunctions.sameTypes(argumentTypes, types);
  }
}
