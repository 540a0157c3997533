package org.apache.cassandra.cql3.functions.types;

/** A value of a tuple type, its components read and written by position. */
public class TupleValue extends AbstractData<TupleValue> {

  private final TupleType type;

  TupleValue(TupleType type) {
    super(type.getComponentTypes());
    this.type = type;
  }

  public TupleType getType() {
    return type;
  }

  @Override
  TupleValue wrapped() {
    return this;
  }

  @Override
  protected CodecRegistry getCodecRegistry() {
    return type.getCodecRegistry();
  }

  @Override
  protected String getName(int i) {
    return "component " + i;
  }

  @Override
  public String toString() {
    return format('(', ')', null);
  }
}
