package dev.ringlet.internal.cql.ast;

/** One target of {@code DELETE col, col[key], col.field FROM ...}; key and field null when absent. */
public record Deletion(String column, Term element, String field) {}
