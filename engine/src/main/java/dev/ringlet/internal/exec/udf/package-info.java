/**
 * Java user-defined functions: compiling a {@code CREATE FUNCTION ... LANGUAGE java} body at run
 * time as Cassandra 5.0 does, with the Eclipse compiler ({@code EcjCompiler}, in memory, shaded
 * into the engine artifact) inside 5.0's restricted view of the JDK ({@code UdfSandbox}), checking
 * the class it gives as 5.0's byte-code verifier does ({@code ByteCodeVerifier}), redirecting the
 * {@code System} calls 5.0's security manager refuses ({@code SystemGuard}), and calling it on
 * serialized values. Bodies see Cassandra's value classes ({@code LocalDate}, {@code Duration},
 * {@code TupleValue}, {@code UDTValue}), its codec API ({@code TypeCodec}, {@code CodecRegistry},
 * {@code ProtocolVersion}, Guava's {@code TypeToken}) and {@code udfContext} as Ringlet's own
 * source-compatible versions, whose sources are resources under {@code api/} here (see {@code UdfApi}): only the
 * UDF class loader defines them. Calls run on a thread of their own within 5.0's warn and fail
 * timeouts ({@code UdfExecutor}); every loop of a compiled body checks whether its thread was
 * interrupted at the fail timeout ({@code BackEdges}, {@code RunawayGuard}), so a runaway body ends.
 */
package dev.ringlet.internal.exec.udf;
