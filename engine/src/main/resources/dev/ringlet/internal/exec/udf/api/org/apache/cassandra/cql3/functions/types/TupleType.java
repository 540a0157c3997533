package org.apache.cassandra.cql3.functions.types;

import java.util.ArrayList;
import java.util.Arrays;
import org.apache.cassandra.transport.ProtocolVersion;
import java.util.Collections;
import java.util.List;

/** A tuple type; {@link #newValue()} makes a value of it with every component null. */
public class TupleType extends DataType {

  private final List<DataType> types;
  private final ProtocolVersion protocolVersion;
  private final CodecRegistry codecRegistry;

  TupleType(List<DataType> types) {
    this(types, ProtocolVersion.CURRENT, new CodecRegistry());
  }

  TupleType(List<DataType> types, ProtocolVersion protocolVersion, CodecRegistry codecRegistry) {
    super(Name.TUPLE);
    this.types = Collections.unmodifiableList(new ArrayList<>(types));
    this.protocolVersion = protocolVersion;
    this.codecRegistry = codecRegistry;
  }

  /** The tuple type of these component types; {@code newValue(Object...)} finds codecs in {@code codecRegistry}. */
  public static TupleType of(ProtocolVersion protocolVersion, CodecRegistry codecRegistry, DataType... types) {
    return new TupleType(Arrays.asList(types), protocolVersion, codecRegistry);
  }

  ProtocolVersion getProtocolVersion() {
    return protocolVersion;
  }

  CodecRegistry getCodecRegistry() {
    return codecRegistry;
  }

  /** Whether {@code other}'s components are the first ones of this type's. */
  public boolean contains(TupleType other) {
    if (other.types.size() > types.size()) {
      return false;
    }
    for (int i = 0; i < other.types.size(); i++) {
      if (!types.get(i).equals(other.types.get(i))) {
        return false;
      }
    }
    return true;
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
      if (values[i] != null) {
        t.set(i, values[i], codecRegistry.codecFor(types.get(i), values[i]));
      }
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
