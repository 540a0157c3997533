package dev.ringlet.internal.types;

import java.nio.ByteBuffer;

/** Reads of serialized values without moving their positions. */
final class Buffers {

  private Buffers() {}

  static byte[] bytes(ByteBuffer value) {
    byte[] out = new byte[value.remaining()];
    value.duplicate().get(out);
    return out;
  }

  static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    int n = Math.min(a.remaining(), b.remaining());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(a.get(a.position() + i) & 0xff, b.get(b.position() + i) & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.remaining(), b.remaining());
  }

  static void checkSize(ByteBuffer value, String messageFormat, int... allowed) {
    int size = value.remaining();
    for (int a : allowed) {
      if (size == a) {
        return;
      }
    }
    throw new MarshalException(String.format(messageFormat, size));
  }
}
