package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.error.AlreadyExists;
import com.datastax.oss.protocol.internal.response.error.Unavailable;
import com.datastax.oss.protocol.internal.response.error.Unprepared;
import dev.ringlet.internal.error.AlreadyExistsException;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.cluster.UnavailableException;
import dev.ringlet.internal.error.UnpreparedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the engine's typed errors to protocol ERROR messages, one code for one kind. */
final class Errors {

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  /**
   * @param protocolVersion the connection's: below v5, an unknown CAS outcome is a CAS write timeout,
   *     as Cassandra 5.0 downgrades it
   */
  static Message toMessage(Throwable t, int protocolVersion) {
    if (t instanceof dev.ringlet.internal.cluster.CasWriteUnknownException u) {
      if (protocolVersion < ProtocolConstants.Version.V5) {
        return toMessage(u.asWriteTimeout(), protocolVersion);
      }
      return new com.datastax.oss.protocol.internal.response.error.CASWriteUnknown(u.getMessage(),
          Consistency.toProtocol(u.consistency()), u.received(), u.blockFor());
    }
    if (t instanceof AlreadyExistsException a) {
      return new AlreadyExists(a.getMessage(), a.keyspace(), a.table());
    }
    if (t instanceof UnpreparedException u) {
      return new Unprepared(u.getMessage(), u.id());
    }
    if (t instanceof UnavailableException u) {
      return new Unavailable(u.getMessage(), Consistency.toProtocol(u.consistency()), u.required(), u.alive());
    }
    if (t instanceof dev.ringlet.internal.cluster.CasWriteTimeoutException w) {
      // The wire codec appends the contentions at v5 only.
      return new dev.ringlet.wire.CasWriteTimeout(w.getMessage(), Consistency.toProtocol(w.consistency()), w.received(),
          w.blockFor(), w.writeType().name(), Math.min(w.contentions(), 0xFFFF));
    }
    if (t instanceof dev.ringlet.internal.cluster.WriteTimeoutException w) {
      return new com.datastax.oss.protocol.internal.response.error.WriteTimeout(w.getMessage(),
          Consistency.toProtocol(w.consistency()), w.received(), w.blockFor(), w.writeType().name());
    }
    if (t instanceof dev.ringlet.internal.cluster.ReadTimeoutException r) {
      return new com.datastax.oss.protocol.internal.response.error.ReadTimeout(r.getMessage(),
          Consistency.toProtocol(r.consistency()), r.received(), r.blockFor(), r.dataPresent());
    }
    if (t instanceof dev.ringlet.internal.cluster.ReadFailureException r) {
      return new com.datastax.oss.protocol.internal.response.error.ReadFailure(r.getMessage(),
          Consistency.toProtocol(r.consistency()), r.received(), r.blockFor(), r.failures(), reasonCodes(r.reasons()),
          r.dataPresent());
    }
    if (t instanceof dev.ringlet.internal.cluster.WriteFailureException w) {
      return new com.datastax.oss.protocol.internal.response.error.WriteFailure(w.getMessage(),
          Consistency.toProtocol(w.consistency()), w.received(), w.blockFor(), w.failures(), reasonCodes(w.reasons()),
          w.writeType().name());
    }
    if (t instanceof dev.ringlet.internal.exec.functions.FunctionFailure f) {
      return new com.datastax.oss.protocol.internal.response.error.FunctionFailure(f.getMessage(), f.keyspace(), f.function(), f.argTypes());
    }
    if (t instanceof CqlException c) {
      return new Error(code(c.code()), c.getMessage());
    }
    // A bug of ours, not the client's: say so in the log, answer as Cassandra does.
    LOG.error("Unexpected error while serving a request", t);
    return new Error(ProtocolConstants.ErrorCode.SERVER_ERROR, t.toString());
  }

  /** The v5 reason map (the v4 encoder sends only its size). */
  private static java.util.Map<java.net.InetAddress, Integer> reasonCodes(
      java.util.Map<java.net.InetAddress, dev.ringlet.internal.cluster.FailureReason> reasons) {
    java.util.Map<java.net.InetAddress, Integer> codes = new java.util.LinkedHashMap<>();
    reasons.forEach((address, reason) -> codes.put(address, reason.code()));
    return codes;
  }

  static int code(ErrorCode code) {
    switch (code) {
      case SERVER_ERROR: return ProtocolConstants.ErrorCode.SERVER_ERROR;
      case PROTOCOL_ERROR: return ProtocolConstants.ErrorCode.PROTOCOL_ERROR;
      case BAD_CREDENTIALS: return ProtocolConstants.ErrorCode.AUTH_ERROR;
      case UNAVAILABLE: return ProtocolConstants.ErrorCode.UNAVAILABLE;
      case OVERLOADED: return ProtocolConstants.ErrorCode.OVERLOADED;
      case IS_BOOTSTRAPPING: return ProtocolConstants.ErrorCode.IS_BOOTSTRAPPING;
      case TRUNCATE_ERROR: return ProtocolConstants.ErrorCode.TRUNCATE_ERROR;
      case WRITE_TIMEOUT: return ProtocolConstants.ErrorCode.WRITE_TIMEOUT;
      case READ_TIMEOUT: return ProtocolConstants.ErrorCode.READ_TIMEOUT;
      case READ_FAILURE: return ProtocolConstants.ErrorCode.READ_FAILURE;
      case FUNCTION_FAILURE: return ProtocolConstants.ErrorCode.FUNCTION_FAILURE;
      case WRITE_FAILURE: return ProtocolConstants.ErrorCode.WRITE_FAILURE;
      case SYNTAX_ERROR: return ProtocolConstants.ErrorCode.SYNTAX_ERROR;
      case UNAUTHORIZED: return ProtocolConstants.ErrorCode.UNAUTHORIZED;
      case INVALID: return ProtocolConstants.ErrorCode.INVALID;
      case CONFIG_ERROR: return ProtocolConstants.ErrorCode.CONFIG_ERROR;
      case ALREADY_EXISTS: return ProtocolConstants.ErrorCode.ALREADY_EXISTS;
      case UNPREPARED: return ProtocolConstants.ErrorCode.UNPREPARED;
      case CAS_WRITE_UNKNOWN: return ProtocolConstants.ErrorCode.CAS_WRITE_UNKNOWN;
      default: throw new IllegalArgumentException("code: " + code);
    }
  }
}
