package dev.ringlet.internal.cql.ast;

/** {@code col ASC|DESC} in ORDER BY or CLUSTERING ORDER BY; or {@code col ANN OF vector}. */
public record Ordering(String column, boolean descending, Term annOf) {}
