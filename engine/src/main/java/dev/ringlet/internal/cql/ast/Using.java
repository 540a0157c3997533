package dev.ringlet.internal.cql.ast;

/** {@code USING TTL t AND TIMESTAMP ts}; either may be null. */
public record Using(Term ttl, Term timestamp) {

  public static final Using NONE = new Using(null, null);
}
