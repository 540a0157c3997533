package org.apache.cassandra.cql3.functions.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A tuple type; {@link #newValue()} makes a value of it with every component null. */
public class TupleType extends DataType {

  private final List<DataType> types;

  TupleType(List<DataType> types) {
    super(Name.TUPLE);
    this.types = Collections.unmodifiableList(new ArrayList<>(types));
  }

  List<DataType> getComponentTypes() {
    return types;
  }

  public TupleValue newValue() {
    return new TupleValue(this);
  }

  /** A value with these components, each of its component's Java type. */
  public TupleValue newValue(Object... values) {
    if (values.length != types.size()) {
      throw new IllegalArgumentException(String.format("Invalid number of values. Expecting %d but got %d",
          types.size(), values.length));
    }
    TupleValue t = newValue();
    for (int i = 0; i < values.length; i++) {
      DataType type = types.get(i);
      t.setChecked(i, values[i], values[i] == null ? null : values[i].getClass());
    }
    return t;
  }

  @Override
  public boolean isFrozen() {
    return true;
  }

  /** {@code tuple<...>} of the components' parameter forms, without {@code frozen<>}. */
  @Override
  public String asFunctionParameterString() {
    StringBuilder sb = new StringBuilder("tuple<");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(types.get(i).asFunctionParameterString());
    }
    return sb.append('>').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleType && ((TupleType) o).types.equals(types);
  }

  @Override
  public int hashCode() {
    return types.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("frozen<tuple<");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(types.get(i));
    }
    return sb.append(">>").toString();
  }
}
