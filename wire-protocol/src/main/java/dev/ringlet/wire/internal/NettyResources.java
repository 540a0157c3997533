package dev.ringlet.wire.internal;

import dev.ringlet.wire.WireResources;

/** STUB: the wire-protocol work fills this in. */
public final class NettyResources implements WireResources {
  public static NettyResources create(int ioThreads) {
    throw new UnsupportedOperationException("TODO wire");
  }

  @Override
  public void close() {}
}
