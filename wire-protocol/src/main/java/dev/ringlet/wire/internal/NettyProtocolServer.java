package dev.ringlet.wire.internal;

import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.WireResources;

/** STUB: the wire-protocol work fills this in. */
public final class NettyProtocolServer {
  public static ProtocolServer start(ProtocolServerConfig config, RequestProcessor processor, WireResources resources) {
    throw new UnsupportedOperationException("TODO wire");
  }
}
