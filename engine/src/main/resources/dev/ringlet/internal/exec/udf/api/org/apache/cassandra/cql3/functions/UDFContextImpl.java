package org.apache.cassandra.cql3.functions;

import java.util.List;
import java.util.function.Function;
import org.apache.cassandra.cql3.functions.types.DataType;
import org.apache.cassandra.cql3.functions.types.TupleType;
import org.apache.cassandra.cql3.functions.types.TupleValue;
import org.apache.cassandra.cql3.functions.types.UDTValue;
import org.apache.cassandra.cql3.functions.types.UdfValueBridge;
import org.apache.cassandra.cql3.functions.types.UserType;

/**
 * The {@code udfContext} of one function. {@code types} resolves a CQL type text in the function's
 * keyspace to a type descriptor (see {@code UdfValueBridge}), {@code userTypes} a user type's name
 * (null when there is none).
 */
public final class UDFContextImpl implements UDFContext {

  private final List<String> argNames;
  private final List<DataType> argTypes;
  private final DataType returnType;
  private final String keyspace;
  private final Function<String, Object> userTypes;
  private final Function<String, Object> types;

  public UDFContextImpl(List<String> argNames, List<DataType> argTypes, DataType returnType, String keyspace,
      Function<String, Object> userTypes, Function<String, Object> types) {
    this.argNames = argNames;
    this.argTypes = argTypes;
    this.returnType = returnType;
    this.keyspace = keyspace;
    this.userTypes = userTypes;
    this.types = types;
  }

  @Override public UDTValue newArgUDTValue(String argName) { return newUDTValue(argType(argName)); }
  @Override public UDTValue newArgUDTValue(int argNum) { return newUDTValue(argType(argNum)); }
  @Override public UDTValue newReturnUDTValue() { return newUDTValue(returnType); }

  @Override
  public UDTValue newUDTValue(String udtName) {
    Object descriptor = userTypes.apply(udtName);
    if (descriptor == null) {
      throw new IllegalArgumentException("No UDT named " + udtName + " in keyspace " + keyspace);
    }
    return newUDTValue(UdfValueBridge.type(descriptor));
  }

  @Override public TupleValue newArgTupleValue(String argName) { return newTupleValue(argType(argName)); }
  @Override public TupleValue newArgTupleValue(int argNum) { return newTupleValue(argType(argNum)); }
  @Override public TupleValue newReturnTupleValue() { return newTupleValue(returnType); }

  @Override
  public TupleValue newTupleValue(String cqlDefinition) {
    return newTupleValue(UdfValueBridge.type(types.apply(cqlDefinition)));
  }

  private DataType argType(int argNum) {
    if (argNum < 0 || argNum >= argTypes.size()) {
      throw new IllegalArgumentException("Function does not declare an argument with index " + argNum);
    }
    return argTypes.get(argNum);
  }

  private DataType argType(String argName) {
    int i = argNames.indexOf(argName);
    if (i < 0) {
      throw new IllegalArgumentException("Function does not declare an argument named '" + argName + "'");
    }
    return argTypes.get(i);
  }

  private static UDTValue newUDTValue(DataType type) {
    if (!(type instanceof UserType)) {
      throw new IllegalStateException("Function argument is not a UDT but a " + type.getName());
    }
    return ((UserType) type).newValue();
  }

  private static TupleValue newTupleValue(DataType type) {
    if (!(type instanceof TupleType)) {
      throw new IllegalStateException("Function argument is not a tuple type but a " + type.getName());
    }
    return ((TupleType) type).newValue();
  }

  /** The {@code UDFDataType} a function's {@code JavaUDF} decomposes its results with (for the engine). */
  public static UDFDataType dataType(DataType type, boolean primitive) {
    return new UDFDataType(type, primitive);
  }
}
