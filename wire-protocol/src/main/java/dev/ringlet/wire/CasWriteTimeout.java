package dev.ringlet.wire;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.error.WriteTimeout;

/**
 * A {@code WRITE_TIMEOUT} error of a lightweight transaction (Cassandra's
 * {@code CasWriteTimeoutException}): at protocol v5 and later its body ends with
 * {@code [short] contentions}, the Paxos rounds the operation lost to other proposers
 * (native_protocol_v5.spec, section 9, {@code Write_timeout}); below v5 it is encoded as a plain
 * {@link WriteTimeout}. As Cassandra 5.0 does, the field follows whatever write type the timeout
 * has (a lightweight transaction whose commit timed out reports {@code SIMPLE}).
 */
public final class CasWriteTimeout extends WriteTimeout {

  /** The Paxos rounds lost to contention, sent as an unsigned short from v5 on. */
  public final int contentions;

  /**
   * @param message the error message
   * @param consistencyLevel the protocol code of the level ({@link ProtocolConstants.ConsistencyLevel})
   * @param received replicas that answered
   * @param blockFor replicas that had to answer
   * @param writeType the write type's name ({@code CAS}, or {@code SIMPLE} for a commit)
   * @param contentions rounds lost to contention, 0 to 65535
   */
  public CasWriteTimeout(String message, int consistencyLevel, int received, int blockFor, String writeType,
      int contentions) {
    super(message, consistencyLevel, received, blockFor, writeType);
    if (contentions < 0 || contentions > 0xFFFF) {
      throw new IllegalArgumentException("contentions: " + contentions + " (expected: 0 to 65535)");
    }
    this.contentions = contentions;
  }

  @Override
  public String toString() {
    return "ERROR WRITE_TIMEOUT (" + message + ", contentions=" + contentions + ")";
  }
}
