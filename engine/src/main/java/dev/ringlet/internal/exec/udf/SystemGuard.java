package dev.ringlet.internal.exec.udf;

import java.nio.ByteBuffer;
import java.security.AccessControlException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The run-time half of the sandbox: the {@code java.lang.System} methods that Cassandra 5.0's
 * security manager refuses to a function body while it runs (the body compiles, and fails when
 * called, with 5.0's {@code AccessControlException} and its permission text). A compiled function's
 * calls to those methods are redirected here ({@link #redirect}: its constant pool's method
 * references to {@code java/lang/System} for these names point at this class instead, same name
 * and descriptor, so no instruction changes). Other {@code System} methods ({@code
 * currentTimeMillis}, {@code nanoTime}, {@code arraycopy}, {@code gc}...) run as they are.
 *
 * <p>Each method has {@code System}'s signature; public because the function's class loader is
 * not this one. Ringlet installs no security manager (removed from recent JDKs); the checks 5.0's
 * manager makes on other visible classes are emulated by {@link PlatformGuard}.
 */
public final class SystemGuard {

  /** The {@code System} methods redirected here. */
  static final Set<String> GUARDED = Set.of("exit", "getProperty", "getProperties", "setProperty",
      "setProperties", "clearProperty", "getenv", "load", "loadLibrary", "setIn", "setOut", "setErr",
      "setSecurityManager", "inheritedChannel");

  private static final String SYSTEM = "java/lang/System";
  private static final String SELF = SystemGuard.class.getName().replace('.', '/');

  private SystemGuard() {}

  public static void exit(int status) {
    throw denied("java.lang.RuntimePermission", "exitVM." + status, null);
  }

  public static String getProperty(String key) {
    checkKey(key);
    throw denied("java.util.PropertyPermission", key, "read");
  }

  public static String getProperty(String key, String def) {
    checkKey(key);
    throw denied("java.util.PropertyPermission", key, "read");
  }

  public static Properties getProperties() {
    throw denied("java.util.PropertyPermission", "*", "read,write");
  }

  public static void setProperties(Properties props) {
    throw denied("java.util.PropertyPermission", "*", "read,write");
  }

  public static String setProperty(String key, String value) {
    checkKey(key);
    throw denied("java.util.PropertyPermission", key, "write");
  }

  public static String clearProperty(String key) {
    checkKey(key);
    throw denied("java.util.PropertyPermission", key, "write");
  }

  public static String getenv(String name) {
    throw denied("java.lang.RuntimePermission", "getenv." + name, null);
  }

  public static Map<String, String> getenv() {
    throw denied("java.lang.RuntimePermission", "getenv.*", null);
  }

  public static void load(String filename) {
    throw denied("java.lang.RuntimePermission", "loadLibrary." + library(filename), null);
  }

  public static void loadLibrary(String libname) {
    throw denied("java.lang.RuntimePermission", "loadLibrary." + library(libname), null);
  }

  public static void setIn(java.io.InputStream in) {
    throw denied("java.lang.RuntimePermission", "setIO", null);
  }

  public static void setOut(java.io.PrintStream out) {
    throw denied("java.lang.RuntimePermission", "setIO", null);
  }

  public static void setErr(java.io.PrintStream err) {
    throw denied("java.lang.RuntimePermission", "setIO", null);
  }

  public static void setSecurityManager(SecurityManager sm) {
    throw denied("java.lang.RuntimePermission", "setSecurityManager", null);
  }

  public static java.nio.channels.Channel inheritedChannel() {
    throw denied("java.lang.RuntimePermission", "inheritedChannel", null);
  }

  /** As {@code System} checks a property key before the permission. */
  private static void checkKey(String key) {
    if (key == null) {
      throw new NullPointerException("key can't be null");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key can't be empty");
    }
  }

  private static String library(String name) {
    if (name == null) {
      throw new NullPointerException("library can't be null");
    }
    return name;
  }

  /** The exception a security manager throws, worded as {@code Permission.toString()} words it. */
  @SuppressWarnings("removal")
  static AccessControlException denied(String permission, String name, String actions) {
    return new AccessControlException("access denied (\"" + permission + "\" \"" + name + "\""
        + (actions == null ? "" : " \"" + actions + "\"") + ")");
  }

  /**
   * {@code classFile} with its calls to the {@link #GUARDED} {@code System} methods pointing at this
   * class, and to {@link PlatformGuard#GUARDED}'s at that one: for each guard used, two constant-pool
   * entries (its name and its {@code Class} entry) are appended, and those method references'
   * class index changed (an interface's static method reference becomes a class's); nothing else
   * moves.
   */
  static byte[] redirect(byte[] classFile) {
    ByteBuffer in = ByteBuffer.wrap(classFile);
    ConstantPool pool = ConstantPool.read(in);
    int count = pool.count;
    int[] tags = pool.tags;
    int[] offsets = pool.offsets;
    int poolEnd = in.position();
    // method reference offset -> guard's internal name
    java.util.Map<Integer, String> patch = new java.util.LinkedHashMap<>();
    for (int i = 1; i < count; i++) {
      if (tags[i] == 10 || tags[i] == 11) {
        int classIndex = in.getShort(offsets[i] + 1) & 0xffff;
        int nameAndType = in.getShort(offsets[i] + 3) & 0xffff;
        String owner = utf8(in, offsets, in.getShort(offsets[classIndex] + 1) & 0xffff);
        String name = utf8(in, offsets, in.getShort(offsets[nameAndType] + 1) & 0xffff);
        if (owner.equals(SYSTEM) && GUARDED.contains(name)) {
          patch.put(offsets[i], SELF);
        } else if (PlatformGuard.GUARDED.getOrDefault(owner, java.util.Set.of()).contains(name)) {
          patch.put(offsets[i], PlatformGuard.class.getName().replace('.', '/'));
        }
      }
    }
    if (patch.isEmpty()) {
      return classFile;
    }
    java.io.ByteArrayOutputStream appended = new java.io.ByteArrayOutputStream();
    java.util.Map<String, Integer> classEntries = new java.util.HashMap<>();
    int next = count;
    for (String guard : new java.util.LinkedHashSet<>(patch.values())) {
      byte[] name = guard.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      appended.write(1);
      appended.write(name.length >> 8);
      appended.write(name.length);
      appended.write(name, 0, name.length);
      appended.write(7);
      appended.write(next >> 8);
      appended.write(next);
      classEntries.put(guard, next + 1);
      next += 2;
    }
    ByteBuffer out = ByteBuffer.allocate(classFile.length + appended.size());
    out.put(classFile, 0, 8);
    out.putShort((short) next);
    out.put(classFile, 10, poolEnd - 10);
    out.put(appended.toByteArray());
    out.put(classFile, poolEnd, classFile.length - poolEnd);
    byte[] result = out.array();
    for (java.util.Map.Entry<Integer, String> e : patch.entrySet()) {
      int at = e.getKey(); // before the pool's end: not shifted
      int classIndex = classEntries.get(e.getValue());
      result[at] = 10;
      result[at + 1] = (byte) (classIndex >> 8);
      result[at + 2] = (byte) classIndex;
    }
    return result;
  }

  private static String utf8(ByteBuffer in, int[] offsets, int index) {
    int at = offsets[index];
    int length = in.getShort(at + 1) & 0xffff;
    return new String(in.array(), at + 3, length, java.nio.charset.StandardCharsets.UTF_8);
  }
}
