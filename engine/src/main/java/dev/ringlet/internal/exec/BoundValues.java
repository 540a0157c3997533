package dev.ringlet.internal.exec;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.List;

/** The values bound to a statement's markers, checked against the statement's variables. */
public final class BoundValues {

  public static final BoundValues NONE = new BoundValues(List.of());

  private final List<ByteBuffer> values;

  private BoundValues(List<ByteBuffer> values) {
    this.values = values;
  }

  /** Binds positional or named values to the statement's variables, as Cassandra checks them. */
  public static BoundValues bind(List<ColumnSpec> variables, List<String> markerNames, QueryOptions options) {
    List<ByteBuffer> given = options.values() == null ? List.of() : options.values();
    if (options.names() != null) {
      ByteBuffer[] ordered = new ByteBuffer[variables.size()];
      boolean[] seen = new boolean[variables.size()];
      for (int i = 0; i < options.names().size(); i++) {
        String name = options.names().get(i);
        boolean found = false;
        for (int j = 0; j < variables.size(); j++) {
          String markerName = j < markerNames.size() && markerNames.get(j) != null ? markerNames.get(j) : variables.get(j).name();
          if (markerName.equals(name)) {
            ordered[j] = given.get(i);
            seen[j] = true;
            found = true;
          }
        }
        if (!found) {
          throw CqlException.invalid("Invalid named bound variable " + name + " (no such variable)");
        }
      }
      for (int j = 0; j < variables.size(); j++) {
        if (!seen[j]) {
          throw CqlException.invalid("Invalid unset value for column " + variables.get(j).name());
        }
      }
      return validated(variables, java.util.Arrays.asList(ordered));
    }
    if (given.size() != variables.size()) {
      // 5.0's QueryProcessor.process words it so (drivers check the count of an EXECUTE's values themselves)
      throw CqlException.invalid("Invalid amount of bind variables");
    }
    return validated(variables, given);
  }

  private static BoundValues validated(List<ColumnSpec> variables, List<ByteBuffer> values) {
    for (int i = 0; i < values.size(); i++) {
      ByteBuffer v = values.get(i);
      if (v != null && v != QueryOptions.UNSET) {
        variables.get(i).type().validate(v);
      }
    }
    return new BoundValues(values);
  }

  /** The value of marker {@code index}: null for null, {@link QueryOptions#UNSET} when unset. */
  public ByteBuffer get(int index) {
    return values.get(index);
  }

  public int size() {
    return values.size();
  }
}
