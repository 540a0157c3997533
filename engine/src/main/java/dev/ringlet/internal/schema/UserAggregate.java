package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A user-defined aggregate as the schema holds it ({@code system_schema.aggregates}): the state
 * function (in the same keyspace, taking the state type then the argument types), the state type,
 * the optional final function (taking the state) and the initial state, serialized, or null.
 * {@code initCondText} is the initial state as CQL literal text, as {@code system_schema} shows it.
 */
public record UserAggregate(
    String keyspace,
    String name,
    List<CqlType> argumentTypes,
    CqlType returnType,
    String stateFunction,
    CqlType stateType,
    String finalFunction,
    ByteBuffer initCond,
    String initCondText) {

  public UserAggregate {
    argumentTypes = List.copyOf(argumentTypes);
    initCond = initCond == null ? null : initCond.asReadOnlyBuffer();
  }

  public boolean hasArguments(List<CqlType> types) {
    return UserFunctions.sameTypes(argumentTypes, types);
  }
}
