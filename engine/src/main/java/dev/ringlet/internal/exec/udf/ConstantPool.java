package dev.ringlet.internal.exec.udf;

import java.nio.ByteBuffer;

/**
 * Where each constant-pool entry of a class file starts, and its tag: what the class-file
 * rewriters ({@link BackEdges}, {@link SystemGuard}) need to find entries by index and to append
 * their own after the last. Reading it leaves the buffer just after the pool.
 */
final class ConstantPool {

  /** The pool's entry count as the class file states it (entries are 1 .. count-1). */
  final int count;
  /** Offset of each entry's tag byte in the class file; 0 for index 0 and the second slot of a long/double. */
  final int[] offsets;
  /** Each entry's tag (JVMS 4.4). */
  final int[] tags;

  private ConstantPool(int count, int[] offsets, int[] tags) {
    this.count = count;
    this.offsets = offsets;
    this.tags = tags;
  }

  /** The pool of the class file in {@code in} (read from offset 8); {@code in} is left after it. */
  static ConstantPool read(ByteBuffer in) {
    in.position(8);
    int count = in.getShort() & 0xffff;
    int[] offsets = new int[count];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      offsets[i] = in.position();
      int tag = in.get() & 0xff;
      tags[i] = tag;
      switch (tag) {
        case 1: // Utf8
          in.position(in.position() + 2 + (in.getShort() & 0xffff));
          break;
        case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
          in.position(in.position() + 2);
          break;
        case 15: // MethodHandle
          in.position(in.position() + 3);
          break;
        case 5: case 6: // Long, Double: two slots
          in.position(in.position() + 8);
          i++;
          break;
        default: // Integer, Float, the member references, NameAndType, (Invoke)Dynamic
          in.position(in.position() + 4);
          break;
      }
    }
    return new ConstantPool(count, offsets, tags);
  }
}
