/**
 * Lexer and recursive-descent parser from CQL text (Cassandra 5.0 syntax) to the syntax tree in
 * {@code dev.ringlet.internal.cql.ast}.
 *
 * <p>{@link dev.ringlet.internal.cql.parse.CqlParser} is the entry point. Underneath:
 * {@code Lexer}/{@code LiteralMatcher} make {@code Token}s, {@code TokenStream} walks them and words
 * errors like Cassandra's ANTLR parser ({@code ErrorSnippet} builds the "(SELECT * [FORM]...)"
 * part, see SYNTAX_ERRORS.md), {@code Keywords} knows reserved from unreserved words, and one
 * parser class per statement family ({@code SelectParser}, {@code InsertParser}, {@code
 * TableParser}, {@code RoleParser}, ...) shares the expression parsers ({@code TermParser}, {@code
 * SelectorParser}, {@code RelationParser}, {@code TypeParser}, {@code PropertiesParser}) through a
 * {@code ParseContext} that also numbers bind markers.
 */
package dev.ringlet.internal.cql.parse;
