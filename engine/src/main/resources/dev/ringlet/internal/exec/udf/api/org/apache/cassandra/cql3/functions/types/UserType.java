package org.apache.cassandra.cql3.functions.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A user-defined type: its keyspace, name and fields; {@link #newValue()} makes a value of it. */
public class UserType extends DataType implements Iterable<UserType.Field> {

  private final String keyspace;
  private final String typeName;
  private final boolean frozen;
  private final List<String> fieldNames;
  private final List<DataType> fieldTypes;
  private final org.apache.cassandra.transport.ProtocolVersion protocolVersion;
  private final CodecRegistry codecRegistry;

  UserType(String keyspace, String typeName, boolean frozen, List<String> fieldNames, List<DataType> fieldTypes) {
    super(Name.UDT);
    this.keyspace = keyspace;
    this.typeName = typeName;
    this.frozen = frozen;
    this.fieldNames = Collections.unmodifiableList(new ArrayList<>(fieldNames));
    this.fieldTypes = Collections.unmodifiableList(new ArrayList<>(fieldTypes));
    this.protocolVersion = org.apache.cassandra.transport.ProtocolVersion.CURRENT;
    this.codecRegistry = new CodecRegistry();
  }

  org.apache.cassandra.transport.ProtocolVersion getProtocolVersion() {
    return protocolVersion;
  }

  CodecRegistry getCodecRegistry() {
    return codecRegistry;
  }

  String getFieldName(int index) {
    return fieldNames.get(index);
  }

  public UDTValue newValue() {
    return new UDTValue(this);
  }

  public String getKeyspace() {
    return keyspace;
  }

  public String getTypeName() {
    return typeName;
  }

  public int size() {
    return fieldNames.size();
  }

  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  Collection<String> ringletFieldNames() {
    return fieldNames;
  }

  DataType getFieldType(int index) {
    return fieldTypes.get(index);
  }

  DataType getFieldType(String name) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name + " is not a field defined in this definition");
    }
    return fieldTypes.get(i);
  }

  /** The fields, in order. */
  @Override
  public Iterator<Field> iterator() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      fields.add(new Field(fieldNames.get(i), fieldTypes.get(i)));
    }
    return fields.iterator();
  }

  /** A field of a user type: its name and type. */
  public static class Field {
    private final String name;
    private final DataType type;

    Field(String name, DataType type) {
      this.name = name;
      this.type = type;
    }

    public String getName() {
      return name;
    }

    public DataType getType() {
      return type;
    }

    @Override
    public String toString() {
      return name + ' ' + type;
    }
  }

  List<DataType> fieldTypes() {
    return fieldTypes;
  }

  /** The index of a field named as CQL names it (case-insensitive unless double-quoted), or -1. */
  int indexOf(String name) {
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      return fieldNames.indexOf(name.substring(1, name.length() - 1).replace("\"\"", "\""));
    }
    int exact = fieldNames.indexOf(name);
    return exact >= 0 ? exact : fieldNames.indexOf(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public boolean isFrozen() {
    return frozen;
  }

  /** This type, frozen or not. */
  public UserType copy(boolean newFrozen) {
    return newFrozen == frozen ? this : new UserType(keyspace, typeName, newFrozen, fieldNames, fieldTypes);
  }

  /** The type's name, as a function signature names it. */
  @Override
  public String asFunctionParameterString() {
    return typeName;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UserType)) {
      return false;
    }
    UserType u = (UserType) o;
    return u.keyspace.equals(keyspace) && u.typeName.equals(typeName) && u.fieldNames.equals(fieldNames)
        && u.fieldTypes.equals(fieldTypes);
  }

  @Override
  public int hashCode() {
    return (keyspace.hashCode() * 31 + typeName.hashCode()) * 31 + fieldNames.hashCode();
  }

  @Override
  public String toString() {
    String s = keyspace + "." + typeName;
    return frozen ? "frozen<" + s + ">" : s;
  }
}
