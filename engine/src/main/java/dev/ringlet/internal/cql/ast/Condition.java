package dev.ringlet.internal.cql.ast;

import java.util.List;

/**
 * An LWT condition {@code IF col op value}, {@code IF col[key] op value}, {@code IF col.field op value}.
 * {@code element} and {@code field} are null when absent; IN takes {@code inValues} or a marker.
 */
public record Condition(
    String column, Term element, String field, Operator operator, Term value, List<Term> inValues) {}
