/** Immutable syntax tree of CQL statements, produced by the parser. */
package dev.ringlet.internal.cql.ast;
