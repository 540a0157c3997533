package dev.ringlet.internal.types;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/** A value that is not a valid serialization (or literal) of its type; answered as INVALID. */
public final class MarshalException extends CqlException {

  public MarshalException(String message) {
    super(ErrorCode.INVALID, message);
  }
}
