package org.apache.cassandra.cql3.functions;

import java.nio.ByteBuffer;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * 5.0's arguments of a call, as its generated {@code executeImpl} reads them. Bodies may name it
 * (5.0's template imports it) but never receive one: Ringlet calls bodies directly.
 */
public interface Arguments {
  void set(int i, ByteBuffer buffer);

  boolean containsNulls();

  <T> T get(int i);

  ProtocolVersion getProtocolVersion();

  default boolean getAsBoolean(int i) {
    return this.<Boolean>get(i);
  }

  default byte getAsByte(int i) {
    return this.<Byte>get(i);
  }

  default short getAsShort(int i) {
    return this.<Short>get(i);
  }

  default int getAsInt(int i) {
    return this.<Integer>get(i);
  }

  default long getAsLong(int i) {
    return this.<Long>get(i);
  }

  default float getAsFloat(int i) {
    return this.<Float>get(i);
  }

  default double getAsDouble(int i) {
    return this.<Double>get(i);
  }

  int size();
}
