package dev.ringlet.internal.exec.udf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a compiled function body stoppable: every backward jump of its methods (the end of each
 * loop iteration) goes through {@link RunawayGuard#checkpoint()} first, so a body that runs past
 * its fail timeout ends at its next iteration once its thread is interrupted (JDK 20+ has no
 * {@code Thread.stop}).
 *
 * <p>No instruction moves: each backward branch is pointed at a trampoline appended after the
 * method's code ({@code invokestatic RunawayGuard.checkpoint; goto_w target}), so branch offsets,
 * the exception table, line and local-variable tables stay valid. Each trampoline needs a stack
 * map frame: the frame at the original target (a branch target always has one), appended to the
 * {@code StackMapTable} as a {@code full_frame}. The table is decoded (JVMS 4.7.4) only to know
 * those frames; the implicit initial frame comes from the method descriptor, whose reference
 * types get {@code Class} entries appended to the constant pool. A branch whose trampoline would
 * be out of a 16-bit offset's reach (a method over 32 KB) is left as it is.
 */
final class BackEdges {

  private static final String GUARD = RunawayGuard.class.getName().replace('.', '/');

  private final ByteBuffer in;
  private final int[] offsets;
  private final int[] tags;
  private final int poolCount;
  /** Constant-pool entries appended, in order; their indexes follow {@link #poolCount}. */
  private final ByteArrayOutputStream appended = new ByteArrayOutputStream();
  private int nextIndex;
  private int checkpointRef;
  private final Map<String, Integer> appendedClasses = new HashMap<>();
  private int thisClass;

  private BackEdges(byte[] classFile) {
    in = ByteBuffer.wrap(classFile);
    ConstantPool pool = ConstantPool.read(in);
    poolCount = pool.count;
    offsets = pool.offsets;
    tags = pool.tags;
    nextIndex = poolCount;
  }

  /** {@code classFile} with its backward branches guarded; the same array when it has none. */
  static byte[] instrument(byte[] classFile) {
    try {
      return new BackEdges(classFile).rewrite(classFile);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] rewrite(byte[] classFile) throws IOException {
    int poolEnd = in.position();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeShort(in.getShort()); // access
    thisClass = in.getShort() & 0xffff;
    out.writeShort(thisClass);
    out.writeShort(in.getShort()); // super
    int interfaces = in.getShort() & 0xffff;
    out.writeShort(interfaces);
    for (int i = 0; i < interfaces; i++) {
      out.writeShort(in.getShort());
    }
    int fields = in.getShort() & 0xffff;
    out.writeShort(fields);
    for (int i = 0; i < fields; i++) {
      out.writeShort(in.getShort());
      out.writeShort(in.getShort());
      out.writeShort(in.getShort());
      copyAttributes(out);
    }
    int methods = in.getShort() & 0xffff;
    out.writeShort(methods);
    boolean changed = false;
    for (int i = 0; i < methods; i++) {
      int access = in.getShort() & 0xffff;
      int name = in.getShort() & 0xffff;
      int descriptor = in.getShort() & 0xffff;
      out.writeShort(access);
      out.writeShort(name);
      out.writeShort(descriptor);
      int attributes = in.getShort() & 0xffff;
      out.writeShort(attributes);
      for (int a = 0; a < attributes; a++) {
        int attrName = in.getShort() & 0xffff;
        int length = in.getInt();
        byte[] content = new byte[length];
        in.get(content);
        if (utf8(attrName).equals("Code")) {
          byte[] guarded = guardCode(content, (access & 0x0008) != 0, utf8(name), utf8(descriptor));
          changed |= guarded != content;
          content = guarded;
        }
        out.writeShort(attrName);
        out.writeInt(content.length);
        out.write(content);
      }
    }
    out.write(classFile, in.position(), classFile.length - in.position());
    if (!changed) {
      return classFile;
    }
    ByteArrayOutputStream result = new ByteArrayOutputStream(classFile.length + appended.size() + body.size());
    result.write(classFile, 0, 8);
    result.write((nextIndex >> 8) & 0xff);
    result.write(nextIndex & 0xff);
    result.write(classFile, 10, poolEnd - 10);
    appended.writeTo(result);
    body.writeTo(result);
    return result.toByteArray();
  }

  private void copyAttributes(DataOutputStream out) throws IOException {
    int attributes = in.getShort() & 0xffff;
    out.writeShort(attributes);
    for (int a = 0; a < attributes; a++) {
      out.writeShort(in.getShort());
      int length = in.getInt();
      out.writeInt(length);
      byte[] content = new byte[length];
      in.get(content);
      out.write(content);
    }
  }

  /** A {@code Code} attribute's content with trampolines for its backward branches, or itself. */
  private byte[] guardCode(byte[] attribute, boolean isStatic, String methodName, String descriptor) throws IOException {
    ByteBuffer code = ByteBuffer.wrap(attribute);
    int maxStack = code.getShort() & 0xffff;
    int maxLocals = code.getShort() & 0xffff;
    int codeLength = code.getInt();
    int codeStart = code.position();
    List<int[]> branches = new ArrayList<>(); // {pc, target, width}
    int pc = 0;
    while (pc < codeLength) {
      int op = attribute[codeStart + pc] & 0xff;
      if ((op >= 0x99 && op <= 0xa7) || op == 0xc6 || op == 0xc7) {
        int target = pc + code.getShort(codeStart + pc + 1);
        if (target <= pc) {
          branches.add(new int[] {pc, target, 2});
        }
      } else if (op == 0xc8) {
        int target = pc + code.getInt(codeStart + pc + 1);
        if (target <= pc) {
          branches.add(new int[] {pc, target, 4});
        }
      }
      pc += ByteCodeVerifier.instructionLength(attribute, codeStart, pc, op);
    }
    if (branches.isEmpty()) {
      return attribute;
    }
    int exceptionsStart = codeStart + codeLength;
    int exceptions = code.getShort(exceptionsStart) & 0xffff;
    int attributesStart = exceptionsStart + 2 + 8 * exceptions;
    code.position(attributesStart);
    int attributeCount = code.getShort() & 0xffff;
    List<byte[]> others = new ArrayList<>();
    byte[] stackMap = null;
    int stackMapName = 0;
    for (int a = 0; a < attributeCount; a++) {
      int start = code.position();
      int name = code.getShort() & 0xffff;
      int length = code.getInt();
      if (utf8(name).equals("StackMapTable")) {
        stackMap = new byte[length];
        code.get(stackMap);
        stackMapName = name;
      } else {
        code.position(code.position() + length);
        others.add(java.util.Arrays.copyOfRange(attribute, start, code.position()));
      }
    }
    if (stackMap == null) {
      return attribute;
    }
    Frames frames = new Frames(stackMap, initialLocals(isStatic, methodName, descriptor));
    byte[] newCode = java.util.Arrays.copyOfRange(attribute, codeStart, codeStart + codeLength);
    ByteArrayOutputStream trampolines = new ByteArrayOutputStream();
    ByteArrayOutputStream newFrames = new ByteArrayOutputStream();
    DataOutputStream frameOut = new DataOutputStream(newFrames);
    int guarded = 0;
    int lastFrame = frames.lastOffset;
    for (int[] b : branches) {
      int at = codeLength + trampolines.size();
      int delta = at - b[0];
      Frame target = frames.at.get(b[1]);
      if (target == null || (b[2] == 2 && delta > Short.MAX_VALUE)) {
        continue;
      }
      if (b[2] == 2) {
        newCode[b[0] + 1] = (byte) (delta >> 8);
        newCode[b[0] + 2] = (byte) delta;
      } else {
        ByteBuffer.wrap(newCode, b[0] + 1, 4).putInt(delta);
      }
      int ref = checkpoint();
      trampolines.write(0xb8);
      trampolines.write(ref >> 8);
      trampolines.write(ref);
      int back = b[1] - (at + 3);
      trampolines.write(0xc8);
      trampolines.write(back >> 24);
      trampolines.write(back >> 16);
      trampolines.write(back >> 8);
      trampolines.write(back);
      frameOut.write(255);
      frameOut.writeShort(lastFrame < 0 ? at : at - lastFrame - 1);
      lastFrame = at;
      frameOut.writeShort(target.locals.size());
      for (byte[] v : target.locals) {
        frameOut.write(v);
      }
      frameOut.writeShort(target.stack.size());
      for (byte[] v : target.stack) {
        frameOut.write(v);
      }
      guarded++;
    }
    if (guarded == 0) {
      return attribute;
    }
    ByteArrayOutputStream result = new ByteArrayOutputStream(attribute.length + trampolines.size() + newFrames.size());
    DataOutputStream out = new DataOutputStream(result);
    out.writeShort(maxStack);
    out.writeShort(maxLocals);
    out.writeInt(codeLength + trampolines.size());
    out.write(newCode);
    trampolines.writeTo(out);
    out.write(attribute, exceptionsStart, 2 + 8 * exceptions);
    out.writeShort(attributeCount);
    for (byte[] other : others) {
      out.write(other);
    }
    out.writeShort(stackMapName);
    out.writeInt(stackMap.length + newFrames.size());
    int entries = ((stackMap[0] & 0xff) << 8 | (stackMap[1] & 0xff)) + guarded;
    out.writeShort(entries);
    out.write(stackMap, 2, stackMap.length - 2);
    newFrames.writeTo(out);
    return result.toByteArray();
  }

  /** The implicit first frame's locals (JVMS 4.10.1.6), as verification type infos. */
  private List<byte[]> initialLocals(boolean isStatic, String methodName, String descriptor) {
    List<byte[]> locals = new ArrayList<>();
    if (!isStatic) {
      locals.add(methodName.equals("<init>") ? new byte[] {6} : objectInfo(thisClass));
    }
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      int start = i;
      while (descriptor.charAt(i) == '[') {
        i++;
      }
      char c = descriptor.charAt(i);
      if (c == 'L') {
        i = descriptor.indexOf(';', i);
      }
      i++;
      if (start != i - 1 || c == 'L') {
        String name = descriptor.charAt(start) == 'L' ? descriptor.substring(start + 1, i - 1) : descriptor.substring(start, i);
        locals.add(objectInfo(classEntry(name)));
      } else if (c == 'J') {
        locals.add(new byte[] {4});
      } else if (c == 'D') {
        locals.add(new byte[] {3});
      } else if (c == 'F') {
        locals.add(new byte[] {2});
      } else {
        locals.add(new byte[] {1});
      }
    }
    return locals;
  }

  private static byte[] objectInfo(int classIndex) {
    return new byte[] {7, (byte) (classIndex >> 8), (byte) classIndex};
  }

  /** The constant-pool index of a {@code Class} entry for {@code name}, appending one if needed. */
  private int classEntry(String name) {
    for (int i = 1; i < poolCount; i++) {
      if (tags[i] == 7 && utf8(in.getShort(offsets[i] + 1) & 0xffff).equals(name)) {
        return i;
      }
    }
    Integer known = appendedClasses.get(name);
    if (known != null) {
      return known;
    }
    int utf = appendUtf8(name);
    int index = append(7, utf);
    appendedClasses.put(name, index);
    return index;
  }

  /** The {@code Methodref} of {@link RunawayGuard#checkpoint()}, appended once. */
  private int checkpoint() {
    if (checkpointRef == 0) {
      int owner = classEntry(GUARD);
      int nameAndType = append(12, appendUtf8("checkpoint"), appendUtf8("()V"));
      checkpointRef = append(10, owner, nameAndType);
    }
    return checkpointRef;
  }

  private int appendUtf8(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    appended.write(1);
    appended.write(bytes.length >> 8);
    appended.write(bytes.length);
    appended.write(bytes, 0, bytes.length);
    return nextIndex++;
  }

  private int append(int tag, int... indexes) {
    appended.write(tag);
    for (int index : indexes) {
      appended.write(index >> 8);
      appended.write(index);
    }
    return nextIndex++;
  }

  private String utf8(int index) {
    int at = offsets[index];
    int length = in.getShort(at + 1) & 0xffff;
    return new String(in.array(), at + 3, length, StandardCharsets.UTF_8);
  }

  /** One explicit frame: its locals and stack as verification type infos (JVMS 4.7.4). */
  private record Frame(List<byte[]> locals, List<byte[]> stack) {}

  /** A decoded {@code StackMapTable}: the full frame at each offset it names. */
  private static final class Frames {

    final Map<Integer, Frame> at = new HashMap<>();
    int lastOffset = -1;

    Frames(byte[] table, List<byte[]> initial) {
      ByteBuffer t = ByteBuffer.wrap(table);
      int count = t.getShort() & 0xffff;
      List<byte[]> locals = new ArrayList<>(initial);
      for (int i = 0; i < count; i++) {
        int type = t.get() & 0xff;
        int delta;
        List<byte[]> stack = new ArrayList<>();
        if (type <= 63) {
          delta = type;
        } else if (type <= 127) {
          delta = type - 64;
          stack.add(info(t));
        } else if (type == 247) {
          delta = t.getShort() & 0xffff;
          stack.add(info(t));
        } else if (type >= 248 && type <= 250) {
          delta = t.getShort() & 0xffff;
          locals = new ArrayList<>(locals.subList(0, locals.size() - (251 - type)));
        } else if (type == 251) {
          delta = t.getShort() & 0xffff;
        } else if (type >= 252 && type <= 254) {
          delta = t.getShort() & 0xffff;
          locals = new ArrayList<>(locals);
          for (int k = 0; k < type - 251; k++) {
            locals.add(info(t));
          }
        } else if (type == 255) {
          delta = t.getShort() & 0xffff;
          int n = t.getShort() & 0xffff;
          locals = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            locals.add(info(t));
          }
          int s = t.getShort() & 0xffff;
          for (int k = 0; k < s; k++) {
            stack.add(info(t));
          }
        } else {
          throw new IllegalStateException("StackMapTable frame type " + type + " (expected: 0-127, 247-255)");
        }
        lastOffset = lastOffset < 0 ? delta : lastOffset + delta + 1;
        at.put(lastOffset, new Frame(locals, stack));
      }
    }

    private static byte[] info(ByteBuffer t) {
      int tag = t.get() & 0xff;
      if (tag == 7 || tag == 8) {
        return new byte[] {(byte) tag, t.get(), t.get()};
      }
      return new byte[] {(byte) tag};
    }
  }
}
