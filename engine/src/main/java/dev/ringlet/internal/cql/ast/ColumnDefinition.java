package dev.ringlet.internal.cql.ast;

/** A column in CREATE TABLE / ALTER TABLE ADD; {@code primaryKey} for {@code k int PRIMARY KEY}. */
public record ColumnDefinition(String name, TypeExpr type, boolean isStatic, boolean primaryKey) {}
