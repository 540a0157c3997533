package org.apache.cassandra.cql3.functions.types;

/** A {@code vector<type, n>}; its values are {@code java.util.List}s of n elements. */
public final class VectorType extends DataType {

  private final DataType subtype;
  private final int dimensions;

  VectorType(DataType subtype, int dimensions) {
    super(Name.VECTOR);
    this.subtype = subtype;
    this.dimensions = dimensions;
  }

  public DataType getSubtype() {
    return subtype;
  }

  public int getDimensions() {
    return dimensions;
  }

  @Override
  public java.util.List<DataType> getTypeArguments() {
    return java.util.Collections.singletonList(subtype);
  }

  /** Vectors are always frozen. */
  @Override
  public boolean isFrozen() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorType && ((VectorType) o).subtype.equals(subtype) && ((VectorType) o).dimensions == dimensions;
  }

  @Override
  public int hashCode() {
    return subtype.hashCode() * 31 + dimensions;
  }

  @Override
  public String toString() {
    return "vector<" + subtype + ", " + dimensions + ">";
  }
}
