package dev.ringlet.internal.exec.udf;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cassandra 5.0's check of a compiled function class before it is loaded ({@code
 * UDFByteCodeVerifier}): the body may not declare fields, other methods, static initialisers or
 * member classes, may not use {@code synchronized}, and may not call the methods of {@link
 * #FORBIDDEN_CALLS} or any method of {@link #FORBIDDEN_CLASSES}. The answer is the sorted set of
 * 5.0's error texts ("call to java.lang.Class.forName()", "use of synchronized", ...), which the
 * caller reports as {@code Java UDF validation failed: [...]}.
 *
 * <p>A class-file reader of its own (JVMS chapter 4: constant pool, fields, methods, the {@code
 * Code} and {@code InnerClasses} attributes, and an instruction walk that needs only each opcode's
 * length), since Ringlet has no ASM. Only the generated class itself is checked, as in 5.0; local
 * and anonymous classes of the body are separate class files.
 */
final class ByteCodeVerifier {

  private static final Set<String> INET_METHODS = Set.of("getByAddress", "getAllByName", "getByName",
      "getLocalHost", "getHostName", "getCanonicalHostName", "isReachable");

  /** 5.0's forbidden methods, by owner (internal name): {@code Object}'s and those its Java UDFs add. */
  static final Map<String, Set<String>> FORBIDDEN_CALLS = Map.of(
      "java/lang/Object", Set.of("clone", "finalize", "notify", "notifyAll", "wait"),
      "java/lang/Class", Set.of("forName", "getClassLoader", "getResource", "getResourceAsStream"),
      "java/lang/ClassLoader", Set.of("clearAssertionStatus", "getResource", "getResourceAsStream", "getResources",
          "getSystemClassLoader", "getSystemResource", "getSystemResourceAsStream", "getSystemResources", "loadClass",
          "setClassAssertionStatus", "setDefaultAssertionStatus", "setPackageAssertionStatus"),
      "java/nio/ByteBuffer", Set.of("allocateDirect"),
      "java/net/InetAddress", INET_METHODS,
      "java/net/Inet4Address", INET_METHODS,
      "java/net/Inet6Address", INET_METHODS);

  /** Classes none of whose methods a body may call (they are visible for their types only). */
  static final Set<String> FORBIDDEN_CLASSES = Set.of("java/net/NetworkInterface", "java/net/SocketException");

  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_FINAL = 0x0010;
  private static final int ACC_SUPER = 0x0020;

  private final String className;
  private final String superName;
  private final String constructorDescriptor;
  private final Set<String> executeNames;
  private final Set<String> ownFields;

  /**
   * A verifier for the class Ringlet generates around a body: {@code className} (internal name)
   * extends {@code superName}, has one public constructor {@code constructorDescriptor} that only
   * calls its super constructor (and stores {@code ownFields}), and the methods {@code
   * executeNames} (the body's, and those 5.0's template also generates).
   */
  ByteCodeVerifier(String className, String superName, String constructorDescriptor, Set<String> executeNames,
      Set<String> ownFields) {
    this.className = className;
    this.superName = superName;
    this.constructorDescriptor = constructorDescriptor;
    this.executeNames = executeNames;
    this.ownFields = ownFields;
  }

  /** 5.0's error texts for {@code classFile}, sorted; empty when it passes. */
  Set<String> verify(byte[] classFile) {
    Set<String> errors = new TreeSet<>();
    ByteBuffer in = ByteBuffer.wrap(classFile);
    in.getInt(); // magic
    in.getShort(); // minor
    in.getShort(); // major
    ConstantPool pool = new ConstantPool(in);
    int access = in.getShort() & 0xffff;
    in.getShort(); // this_class
    int superIndex = in.getShort() & 0xffff;
    String superClass = superIndex == 0 ? null : pool.className(superIndex);
    if (!superName.equals(superClass)) {
      errors.add("class does not extend " + superName.replace('/', '.'));
    }
    if ((access & ~0x1000) != (ACC_PUBLIC | ACC_FINAL | ACC_SUPER)) {
      errors.add("class not public final");
    }
    int interfaces = in.getShort() & 0xffff;
    in.position(in.position() + 2 * interfaces);
    int fields = in.getShort() & 0xffff;
    for (int i = 0; i < fields; i++) {
      in.getShort();
      String name = pool.utf8(in.getShort() & 0xffff);
      in.getShort();
      skipAttributes(in);
      if (!ownFields.contains(name)) {
        errors.add("field declared: " + name);
      }
    }
    int methods = in.getShort() & 0xffff;
    for (int i = 0; i < methods; i++) {
      int methodAccess = in.getShort() & 0xffff;
      String name = pool.utf8(in.getShort() & 0xffff);
      String descriptor = pool.utf8(in.getShort() & 0xffff);
      byte[] code = code(in, pool);
      if (name.equals("<init>") && descriptor.equals(constructorDescriptor)) {
        if (methodAccess != ACC_PUBLIC) {
          errors.add("constructor not public");
        }
        checkConstructor(code, pool, errors);
      } else if (executeNames.contains(name)) {
        checkBody(code, pool, errors);
      } else if (name.equals("<clinit>")) {
        errors.add("static initializer declared");
      } else {
        errors.add("not allowed method declared: " + name + descriptor);
        checkBody(code, pool, errors);
      }
    }
    int attributes = in.getShort() & 0xffff;
    for (int i = 0; i < attributes; i++) {
      String name = pool.utf8(in.getShort() & 0xffff);
      int length = in.getInt();
      int end = in.position() + length;
      if (name.equals("InnerClasses")) {
        int count = in.getShort() & 0xffff;
        for (int c = 0; c < count; c++) {
          in.getShort();
          int outer = in.getShort() & 0xffff;
          in.getShort();
          in.getShort();
          if (outer != 0 && className.equals(pool.className(outer))) {
            errors.add("class declared as inner class");
          }
        }
      }
      in.position(end);
    }
    return errors;
  }

  /** The constructor may only call its super constructor: any other call or computation is an initializer. */
  private void checkConstructor(byte[] code, ConstantPool pool, Set<String> errors) {
    if (code == null) {
      return;
    }
    new Instructions(code) {
      @Override
      void method(int opcode, int index) {
        if (opcode == 0xba) {
          errors.add("Use of invalid method instruction in constructor");
          return;
        }
        String[] ref = pool.memberRef(index);
        if (!(opcode == 0xb7 && ref[0].equals(superName) && ref[1].equals("<init>"))) {
          errors.add("initializer declared");
        }
      }

      @Override
      void simple(int opcode) {
        if (opcode != 0xb1) {
          errors.add("initializer declared");
        }
      }
    }.walk();
  }

  private static void checkBody(byte[] code, ConstantPool pool, Set<String> errors) {
    if (code == null) {
      return;
    }
    new Instructions(code) {
      @Override
      void method(int opcode, int index) {
        if (opcode == 0xba) {
          return;
        }
        String[] ref = pool.memberRef(index);
        String owner = ref[0];
        Set<String> forbidden = FORBIDDEN_CALLS.get(owner);
        if (FORBIDDEN_CLASSES.contains(owner) || forbidden != null && forbidden.contains(ref[1])) {
          errors.add("call to " + owner.replace('/', '.') + "." + ref[1] + "()");
        }
      }

      @Override
      void simple(int opcode) {
        if (opcode == 0xc2 || opcode == 0xc3) {
          errors.add("use of synchronized");
        }
      }
    }.walk();
  }

  /** Reads a method's attributes; answers its {@code Code} bytes, or null (abstract, native). */
  private static byte[] code(ByteBuffer in, ConstantPool pool) {
    byte[] code = null;
    int attributes = in.getShort() & 0xffff;
    for (int i = 0; i < attributes; i++) {
      String name = pool.utf8(in.getShort() & 0xffff);
      int length = in.getInt();
      int end = in.position() + length;
      if (name.equals("Code")) {
        in.getShort(); // max_stack
        in.getShort(); // max_locals
        code = new byte[in.getInt()];
        in.get(code);
      }
      in.position(end);
    }
    return code;
  }

  private static void skipAttributes(ByteBuffer in) {
    int attributes = in.getShort() & 0xffff;
    for (int i = 0; i < attributes; i++) {
      in.getShort();
      int length = in.getInt();
      in.position(in.position() + length);
    }
  }

  /** The constant pool: UTF-8 entries and the indexes of class and member references. */
  private static final class ConstantPool {

    private final Object[] entries;

    ConstantPool(ByteBuffer in) {
      int count = in.getShort() & 0xffff;
      entries = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.get() & 0xff;
        switch (tag) {
          case 1:
            byte[] bytes = new byte[in.getShort() & 0xffff];
            in.get(bytes);
            entries[i] = modifiedUtf8(bytes);
            break;
          case 7: // Class
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            entries[i] = new int[] {tag, in.getShort() & 0xffff};
            break;
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            entries[i] = new int[] {tag, in.getShort() & 0xffff, in.getShort() & 0xffff};
            break;
          case 3: // Integer
          case 4: // Float
            in.getInt();
            break;
          case 5: // Long
          case 6: // Double
            in.getLong();
            i++;
            break;
          case 15: // MethodHandle
            in.get();
            in.getShort();
            break;
          default:
            throw new IllegalArgumentException("constant pool tag " + tag + " (expected: 1 to 20)");
        }
      }
    }

    String utf8(int index) {
      return (String) entries[index];
    }

    String className(int index) {
      return utf8(((int[]) entries[index])[1]);
    }

    /** {owner, name, descriptor} of a Methodref or InterfaceMethodref. */
    String[] memberRef(int index) {
      int[] ref = (int[]) entries[index];
      int[] nameAndType = (int[]) entries[ref[2]];
      return new String[] {className(ref[1]), utf8(nameAndType[1]), utf8(nameAndType[2])};
    }

    private static String modifiedUtf8(byte[] bytes) {
      StringBuilder s = new StringBuilder(bytes.length);
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        if (b < 0x80) {
          s.append((char) b);
        } else if ((b & 0xe0) == 0xc0) {
          s.append((char) (((b & 0x1f) << 6) | (bytes[++i] & 0x3f)));
        } else {
          int b2 = bytes[++i] & 0x3f;
          int b3 = bytes[++i] & 0x3f;
          s.append((char) (((b & 0x0f) << 12) | (b2 << 6) | b3));
        }
      }
      return s.toString();
    }
  }

  /**
   * The length of the instruction at {@code pc} (opcode {@code op}) of the code starting at
   * {@code base} in {@code bytes}; switch padding counts from the code's start.
   */
  static int instructionLength(byte[] bytes, int base, int pc, int op) {
    if (op == 0xaa || op == 0xab) {
      int p = (pc + 4) & ~3;
      if (op == 0xaa) {
        int low = readInt(bytes, base + p + 4);
        int high = readInt(bytes, base + p + 8);
        return p + 12 + 4 * (high - low + 1) - pc;
      }
      int pairs = readInt(bytes, base + p + 4);
      return p + 8 + 8 * pairs - pc;
    }
    if (op == 0xc4) {
      return (bytes[base + pc + 1] & 0xff) == 0x84 ? 6 : 4;
    }
    return Instructions.LENGTHS[op];
  }

  private static int readInt(byte[] bytes, int p) {
    return ((bytes[p] & 0xff) << 24) | ((bytes[p + 1] & 0xff) << 16) | ((bytes[p + 2] & 0xff) << 8)
        | (bytes[p + 3] & 0xff);
  }

  /**
   * Walks a method's instructions: {@link #method} for each invoke (with its constant-pool
   * index), {@link #simple} for each instruction without operands (ASM's {@code visitInsn}).
   */
  private abstract static class Instructions {

    private final byte[] code;

    Instructions(byte[] code) {
      this.code = code;
    }

    abstract void method(int opcode, int index);

    abstract void simple(int opcode);

    final void walk() {
      int pc = 0;
      while (pc < code.length) {
        int op = code[pc] & 0xff;
        if (op >= 0xb6 && op <= 0xba) {
          method(op, ((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff));
        } else if (simpleInstruction(op)) {
          simple(op);
        }
        pc += length(pc, op);
      }
    }

    private static boolean simpleInstruction(int op) {
      return op <= 0x0f || op >= 0x2e && op <= 0x35 || op >= 0x4f && op <= 0x83 || op >= 0x85 && op <= 0x98
          || op >= 0xac && op <= 0xb1 || op == 0xbe || op == 0xbf || op == 0xc2 || op == 0xc3;
    }

    private int length(int pc, int op) {
      return instructionLength(code, 0, pc, op);
    }

    /** Instruction lengths by opcode (JVMS 6.5); the switches and {@code wide} are computed. */
    private static final byte[] LENGTHS = lengths();

    private static byte[] lengths() {
      byte[] l = new byte[256];
      java.util.Arrays.fill(l, (byte) 1);
      l[0x10] = 2; // bipush
      l[0x11] = 3; // sipush
      l[0x12] = 2; // ldc
      l[0x13] = 3;
      l[0x14] = 3;
      for (int op = 0x15; op <= 0x19; op++) {
        l[op] = 2; // loads with an index
      }
      for (int op = 0x36; op <= 0x3a; op++) {
        l[op] = 2; // stores with an index
      }
      l[0x84] = 3; // iinc
      for (int op = 0x99; op <= 0xa8; op++) {
        l[op] = 3; // if*, goto, jsr
      }
      l[0xa9] = 2; // ret
      for (int op = 0xb2; op <= 0xb8; op++) {
        l[op] = 3; // field access, invokevirtual/special/static
      }
      l[0xb9] = 5; // invokeinterface
      l[0xba] = 5; // invokedynamic
      l[0xbb] = 3; // new
      l[0xbc] = 2; // newarray
      l[0xbd] = 3; // anewarray
      l[0xc0] = 3; // checkcast
      l[0xc1] = 3; // instanceof
      l[0xc5] = 4; // multianewarray
      l[0xc6] = 3;
      l[0xc7] = 3;
      l[0xc8] = 5; // goto_w
      l[0xc9] = 5; // jsr_w
      return l;
    }
  }
}
