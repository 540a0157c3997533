package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Statement;

/** STUB until the parser lands. */
public final class CqlParser {
  public static Statement parse(String cql) {
    throw new UnsupportedOperationException("TODO parser");
  }
}
