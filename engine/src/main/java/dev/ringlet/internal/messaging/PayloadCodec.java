package dev.ringlet.internal.messaging;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns message payloads into bytes and back, for transports that leave the JVM. A payload it
 * cannot encode makes {@link #write} throw {@link IllegalArgumentException}; the transport then
 * drops the message (the sender's timeout handles it), as for any lost message.
 */
public interface PayloadCodec {

  /** Writes one payload (which may be null). */
  void write(Object payload, DataOutput out) throws IOException;

  /** Reads one payload written by {@link #write}. */
  Object read(DataInput in) throws IOException;
}
