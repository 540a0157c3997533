/**
 * Java user-defined functions: compiling a {@code CREATE FUNCTION ... LANGUAGE java} body at run
 * time with the JDK's compiler ({@code javax.tools}) inside a restricted view of the JDK, and
 * calling it on serialized values.
 */
package dev.ringlet.internal.exec.udf;
