package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/**
 * CREATE TABLE with more than one PRIMARY KEY. Cassandra names the table with its keyspace in the
 * message, which the parser cannot know for an unqualified name; the executor words the message.
 */
public final class MultiplePrimaryKeysException extends CqlException {

  private final QualifiedName table;

  MultiplePrimaryKeysException(QualifiedName table) {
    super(ErrorCode.INVALID, "Multiple PRIMARY KEYs specified (exactly one required)");
    this.table = table;
  }

  public QualifiedName table() {
    return table;
  }
}
