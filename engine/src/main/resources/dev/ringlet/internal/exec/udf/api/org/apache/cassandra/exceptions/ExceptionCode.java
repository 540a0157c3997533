package org.apache.cassandra.exceptions;

import java.util.HashMap;
import java.util.Map;
import org.apache.cassandra.transport.ProtocolException;

/** The native protocol's error codes, as 5.0 names them to function bodies. */
public enum ExceptionCode {
  SERVER_ERROR(0x0000), PROTOCOL_ERROR(0x000A), BAD_CREDENTIALS(0x0100), UNAVAILABLE(0x1000),
  OVERLOADED(0x1001), IS_BOOTSTRAPPING(0x1002), TRUNCATE_ERROR(0x1003), WRITE_TIMEOUT(0x1100),
  READ_TIMEOUT(0x1200), READ_FAILURE(0x1300), FUNCTION_FAILURE(0x1400), WRITE_FAILURE(0x1500),
  CDC_WRITE_FAILURE(0x1600), CAS_WRITE_UNKNOWN(0x1700), SYNTAX_ERROR(0x2000), UNAUTHORIZED(0x2100),
  INVALID(0x2200), CONFIG_ERROR(0x2300), ALREADY_EXISTS(0x2400), UNPREPARED(0x2500);

  public final int value;

  ExceptionCode(int value) {
    this.value = value;
  }

  /** The code of {@code value}; 5.0's {@code ProtocolException} "Unknown error code N" for any other. */
  public static ExceptionCode fromValue(int value) {
    for (ExceptionCode code : values()) {
      if (code.value == value) {
        return code;
      }
    }
    throw new ProtocolException(String.format("Unknown error code %d", value));
  }
}
