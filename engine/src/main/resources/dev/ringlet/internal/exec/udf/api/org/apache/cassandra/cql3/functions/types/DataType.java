package org.apache.cassandra.cql3.functions.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A CQL type as a user-defined function sees it (Ringlet's source-compatible counterpart of
 * Cassandra's class of this name). Compiled at run time and loaded only by the UDF class loader.
 */
public abstract class DataType {

  /** The kinds of CQL types. */
  public enum Name {
    CUSTOM, ASCII, BIGINT, BLOB, BOOLEAN, COUNTER, DECIMAL, DOUBLE, FLOAT, INT, TEXT, TIMESTAMP, UUID, VARCHAR,
    VARINT, TIMEUUID, INET, DATE, TIME, SMALLINT, TINYINT, DURATION, LIST, MAP, SET, UDT, TUPLE, VECTOR;

    /** Whether a value of this kind can be read as one of {@code other} (text and varchar are one). */
    public boolean isCompatibleWith(Name other) {
      return this == other || (isText(this) && isText(other));
    }

    private static boolean isText(Name n) {
      return n == TEXT || n == VARCHAR;
    }

    @Override
    public String toString() {
      return super.toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  final Name name;

  DataType(Name name) {
    this.name = name;
  }

  public Name getName() {
    return name;
  }

  public boolean isFrozen() {
    return false;
  }

  public boolean isCollection() {
    return this instanceof CollectionType;
  }

  public List<DataType> getTypeArguments() {
    return Collections.emptyList();
  }

  public static DataType ascii() { return new NativeType(Name.ASCII); }
  public static DataType bigint() { return new NativeType(Name.BIGINT); }
  public static DataType blob() { return new NativeType(Name.BLOB); }
  public static DataType cboolean() { return new NativeType(Name.BOOLEAN); }
  public static DataType counter() { return new NativeType(Name.COUNTER); }
  public static DataType decimal() { return new NativeType(Name.DECIMAL); }
  public static DataType cdouble() { return new NativeType(Name.DOUBLE); }
  public static DataType cfloat() { return new NativeType(Name.FLOAT); }
  public static DataType inet() { return new NativeType(Name.INET); }
  public static DataType tinyint() { return new NativeType(Name.TINYINT); }
  public static DataType smallint() { return new NativeType(Name.SMALLINT); }
  public static DataType cint() { return new NativeType(Name.INT); }
  public static DataType text() { return new NativeType(Name.TEXT); }
  public static DataType timestamp() { return new NativeType(Name.TIMESTAMP); }
  public static DataType date() { return new NativeType(Name.DATE); }
  public static DataType time() { return new NativeType(Name.TIME); }
  public static DataType uuid() { return new NativeType(Name.UUID); }
  public static DataType varchar() { return new NativeType(Name.VARCHAR, "varchar"); }
  public static DataType varint() { return new NativeType(Name.VARINT); }
  public static DataType timeuuid() { return new NativeType(Name.TIMEUUID); }
  public static DataType duration() { return new NativeType(Name.DURATION); }

  public static CollectionType list(DataType elementType) {
    return list(elementType, false);
  }

  public static CollectionType list(DataType elementType, boolean frozen) {
    return new CollectionType(Name.LIST, Arrays.asList(elementType), frozen);
  }

  public static CollectionType set(DataType elementType) {
    return set(elementType, false);
  }

  public static CollectionType set(DataType elementType, boolean frozen) {
    return new CollectionType(Name.SET, Arrays.asList(elementType), frozen);
  }

  public static CollectionType map(DataType keyType, DataType valueType) {
    return map(keyType, valueType, false);
  }

  public static CollectionType map(DataType keyType, DataType valueType, boolean frozen) {
    return new CollectionType(Name.MAP, Arrays.asList(keyType, valueType), frozen);
  }

  /** A {@code vector<elementType, dimensions>}. */
  public static VectorType vector(DataType elementType, int dimensions) {
    return new VectorType(elementType, dimensions);
  }

  /** A type known only by its marshal class name; its values are {@code ByteBuffer}s of its bytes. */
  public static CustomType custom(String typeClassName) {
    if (typeClassName == null) {
      throw new NullPointerException();
    }
    return new CustomType(typeClassName);
  }

  /** The type as a function signature names it: without {@code frozen<>}, user types by their name. */
  public String asFunctionParameterString() {
    return toString();
  }

  /** A native (single-value) type. */
  public static class NativeType extends DataType {
    private final String printed;

    NativeType(Name name) {
      this(name, name == Name.VARCHAR ? "text" : name.toString());
    }

    /** {@code printed}: how {@code toString} names it (Cassandra prints a text argument's VARCHAR type as text). */
    NativeType(Name name, String printed) {
      super(name);
      this.printed = printed;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NativeType && ((NativeType) o).name.isCompatibleWith(name);
    }

    @Override
    public int hashCode() {
      return name == Name.VARCHAR ? Name.TEXT.hashCode() : name.hashCode();
    }

    /** The CQL name; {@code text} for varchar too (the kind is still {@code VARCHAR}), as Cassandra prints it. */
    @Override
    public String toString() {
      return printed;
    }
  }

  /** A list, set or map. */
  public static class CollectionType extends DataType {
    private final List<DataType> typeArguments;
    private final boolean frozen;

    CollectionType(Name name, List<DataType> typeArguments, boolean frozen) {
      super(name);
      this.typeArguments = Collections.unmodifiableList(typeArguments);
      this.frozen = frozen;
    }

    @Override
    public boolean isFrozen() {
      return frozen;
    }

    @Override
    public String asFunctionParameterString() {
      if (name == Name.MAP) {
        return "map<" + typeArguments.get(0).asFunctionParameterString() + ", "
            + typeArguments.get(1).asFunctionParameterString() + ">";
      }
      return name + "<" + typeArguments.get(0).asFunctionParameterString() + ">";
    }

    @Override
    public List<DataType> getTypeArguments() {
      return typeArguments;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CollectionType && ((CollectionType) o).name == name
          && ((CollectionType) o).typeArguments.equals(typeArguments);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + typeArguments.hashCode();
    }

    @Override
    public String toString() {
      String s = name == Name.MAP ? "map<" + typeArguments.get(0) + ", " + typeArguments.get(1) + ">"
          : name + "<" + typeArguments.get(0) + ">";
      return frozen ? "frozen<" + s + ">" : s;
    }
  }

  /** A type known only by its marshal class name ({@link #custom}); printed as the quoted class name. */
  public static class CustomType extends DataType {
    private final String customClassName;

    CustomType(String customClassName) {
      super(Name.CUSTOM);
      this.customClassName = customClassName;
    }

    @Override
    public boolean isFrozen() {
      return false;
    }

    @Override
    public final boolean equals(Object o) {
      return o instanceof CustomType && ((CustomType) o).customClassName.equals(customClassName);
    }

    @Override
    public final int hashCode() {
      return customClassName.hashCode();
    }

    @Override
    public String toString() {
      return "'" + customClassName + "'";
    }
  }
}
