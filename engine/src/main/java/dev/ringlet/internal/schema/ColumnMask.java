package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A column's dynamic data mask ({@code MASKED WITH}): a scalar function whose first argument is the
 * column's value, partially applied to the other arguments (Cassandra 5.0's {@code ColumnMask}).
 * {@code functionKeyspace} is {@code system} for the native {@code mask_*} functions, the table's
 * keyspace for a user-defined one. {@code argumentValues} are the serialized values of the
 * arguments after the first, in {@code argumentTypes}; an element may be null.
 */
public record ColumnMask(String functionKeyspace, String functionName, List<CqlType> argumentTypes,
    List<ByteBuffer> argumentValues) {

  public ColumnMask {
    argumentTypes = List.copyOf(argumentTypes);
    argumentValues = Collections.unmodifiableList(new ArrayList<>(argumentValues)); // nulls allowed
    if (argumentTypes.size() != argumentValues.size()) {
      throw new IllegalArgumentException("argument types " + argumentTypes + " but " + argumentValues.size() + " values");
    }
  }

  /** Whether the mask is the user-defined function {@code keyspace.name}. */
  public boolean uses(String keyspace, String name) {
    return functionKeyspace.equals(keyspace) && functionName.equals(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnMask m && functionKeyspace.equals(m.functionKeyspace) && functionName.equals(m.functionName)
        && argumentTypes.equals(m.argumentTypes) && argumentValues.equals(m.argumentValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(functionKeyspace, functionName, argumentTypes, argumentValues);
  }
}
