package org.apache.cassandra.cql3.functions;

import org.apache.cassandra.cql3.functions.types.TupleValue;
import org.apache.cassandra.cql3.functions.types.UDTValue;

/**
 * What a user-defined function's body gets as {@code udfContext}: new tuple and user type values
 * of its arguments' and return value's types, or of types named in CQL.
 */
public interface UDFContext {
  UDTValue newArgUDTValue(String argName);
  UDTValue newArgUDTValue(int argNum);
  UDTValue newReturnUDTValue();
  UDTValue newUDTValue(String udtName);
  TupleValue newArgTupleValue(String argName);
  TupleValue newArgTupleValue(int argNum);
  TupleValue newReturnTupleValue();
  TupleValue newTupleValue(String cqlDefinition);
}
