package dev.ringlet.internal.exec;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits a serialized list ({@code [int n]} then {@code n x [int len][bytes]}) into its elements. */
public final class ListValues {

  private ListValues() {}

  public static List<ByteBuffer> split(ByteBuffer serialized) {
    ByteBuffer in = serialized.duplicate();
    try {
      int n = in.getInt();
      List<ByteBuffer> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int len = in.getInt();
        if (len < 0) {
          out.add(null);
          continue;
        }
        ByteBuffer e = in.slice();
        e.limit(len);
        in.position(in.position() + len);
        out.add(e);
      }
      return out;
    } catch (RuntimeException e) {
      throw CqlException.invalid("Invalid list value: not enough bytes");
    }
  }
}
