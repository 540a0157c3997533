package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.cluster.ConsistencyLevel;

/** Consistency levels between their protocol codes and the engine's enum. */
final class Consistency {

  private Consistency() {}

  static ConsistencyLevel fromProtocol(int code) {
    switch (code) {
      case ProtocolConstants.ConsistencyLevel.ANY: return ConsistencyLevel.ANY;
      case ProtocolConstants.ConsistencyLevel.ONE: return ConsistencyLevel.ONE;
      case ProtocolConstants.ConsistencyLevel.TWO: return ConsistencyLevel.TWO;
      case ProtocolConstants.ConsistencyLevel.THREE: return ConsistencyLevel.THREE;
      case ProtocolConstants.ConsistencyLevel.QUORUM: return ConsistencyLevel.QUORUM;
      case ProtocolConstants.ConsistencyLevel.ALL: return ConsistencyLevel.ALL;
      case ProtocolConstants.ConsistencyLevel.LOCAL_QUORUM: return ConsistencyLevel.LOCAL_QUORUM;
      case ProtocolConstants.ConsistencyLevel.EACH_QUORUM: return ConsistencyLevel.EACH_QUORUM;
      case ProtocolConstants.ConsistencyLevel.SERIAL: return ConsistencyLevel.SERIAL;
      case ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL: return ConsistencyLevel.LOCAL_SERIAL;
      case ProtocolConstants.ConsistencyLevel.LOCAL_ONE: return ConsistencyLevel.LOCAL_ONE;
      default: throw new CqlException(ErrorCode.PROTOCOL_ERROR, "Unknown code " + code + " for a consistency level");
    }
  }

  static int toProtocol(ConsistencyLevel level) {
    switch (level) {
      case ANY: return ProtocolConstants.ConsistencyLevel.ANY;
      case ONE: return ProtocolConstants.ConsistencyLevel.ONE;
      case TWO: return ProtocolConstants.ConsistencyLevel.TWO;
      case THREE: return ProtocolConstants.ConsistencyLevel.THREE;
      case QUORUM: return ProtocolConstants.ConsistencyLevel.QUORUM;
      case ALL: return ProtocolConstants.ConsistencyLevel.ALL;
      case LOCAL_QUORUM: return ProtocolConstants.ConsistencyLevel.LOCAL_QUORUM;
      case EACH_QUORUM: return ProtocolConstants.ConsistencyLevel.EACH_QUORUM;
      case SERIAL: return ProtocolConstants.ConsistencyLevel.SERIAL;
      case LOCAL_SERIAL: return ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL;
      case LOCAL_ONE: return ProtocolConstants.ConsistencyLevel.LOCAL_ONE;
      default: throw new IllegalArgumentException("level: " + level + " has no protocol code");
    }
  }
}
