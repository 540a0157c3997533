package dev.ringlet.internal.error;

/** The kinds of error a CQL request can end in; the transport maps each to its protocol code. */
public enum ErrorCode {
  SERVER_ERROR,
  PROTOCOL_ERROR,
  BAD_CREDENTIALS,
  UNAVAILABLE,
  OVERLOADED,
  IS_BOOTSTRAPPING,
  TRUNCATE_ERROR,
  WRITE_TIMEOUT,
  READ_TIMEOUT,
  READ_FAILURE,
  FUNCTION_FAILURE,
  WRITE_FAILURE,
  SYNTAX_ERROR,
  UNAUTHORIZED,
  INVALID,
  CONFIG_ERROR,
  ALREADY_EXISTS,
  UNPREPARED,
  /** A Paxos proposal accepted by some participants, not enough: outcome unknown (protocol v5; v4 gets WRITE_TIMEOUT). */
  CAS_WRITE_UNKNOWN
}
