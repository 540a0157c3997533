package dev.ringlet.internal.exec;

import dev.ringlet.internal.types.CqlType;

/** A column of a result or a bound variable: where it comes from, its name and type. */
public record ColumnSpec(String keyspace, String table, String name, CqlType type) {}
