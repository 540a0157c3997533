package dev.ringlet.internal.exec;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/**
 * A literal Cassandra's parser accepts but then cannot convert; answered as the SYNTAX_ERROR
 * "Failed parsing statement: [query] reason: ..." once the query text is known.
 */
final class FailedParsingException extends CqlException {

  FailedParsingException(String reason) {
    super(ErrorCode.SYNTAX_ERROR, reason);
  }
}
