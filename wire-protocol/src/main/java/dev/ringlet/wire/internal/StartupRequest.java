package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import java.util.Map;

/**
 * STARTUP exactly as the client sent it. The native-protocol {@code Startup} fills in a
 * CQL_VERSION the client left out, which would hide Cassandra's "Missing value CQL_VERSION" error,
 * so {@link RequestDecoder} reads STARTUP bodies into this instead.
 */
final class StartupRequest extends Message {

  final Map<String, String> options;

  StartupRequest(Map<String, String> options) {
    super(false, ProtocolConstants.Opcode.STARTUP);
    this.options = Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "STARTUP " + options;
  }
}
