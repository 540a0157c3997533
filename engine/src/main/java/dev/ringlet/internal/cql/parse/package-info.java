/** Lexer and recursive-descent parser from CQL text to the syntax tree. */
package dev.ringlet.internal.cql.parse;
