/**
 * Cassandra 5.0's native CQL functions: the registry of overloads by name, Cassandra's overload
 * resolution and its messages, one class per family (time, blob, math, cast, arithmetic,
 * aggregates, collections, masking, vector similarity, JSON, token), and the compilation of
 * function calls in SELECT clauses ({@link dev.ringlet.internal.exec.functions.SelectorCompiler}).
 * Values stay serialized ({@link java.nio.ByteBuffer}s) across function boundaries.
 */
package dev.ringlet.internal.exec.functions;
