/**
 * Java user-defined functions: compiling a {@code CREATE FUNCTION ... LANGUAGE java} body at run
 * time with the JDK's compiler ({@code javax.tools}) inside a restricted view of the JDK, and
 * calling it on serialized values. Bodies see Cassandra's value classes ({@code LocalDate},
 * {@code Duration}, {@code TupleValue}, {@code UDTValue}) and {@code udfContext} as Ringlet's own
 * source-compatible versions, whose sources are resources under {@code api/} here (see
 * {@code UdfApi}): only the UDF class loader defines them.
 */
package dev.ringlet.internal.exec.udf;
