package dev.ringlet.internal.exec.udf;

import java.security.AccessControlException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * The run-time checks of Cassandra 5.0's security manager on JDK classes a body may see, beyond
 * {@code System}'s ({@link SystemGuard}): the methods here fail as they fail under 5.0's manager
 * (recorded in the {@code functions_udf_runtime} scenario) instead of acting on the test's JVM:
 * process handles, the JVM's default time zone and locale, system properties read through
 * {@code Integer.getInteger}, {@code Long.getLong} and {@code Boolean.getBoolean}, and a stack
 * walker that hands out classes. A compiled body's calls to them are redirected here ({@link
 * SystemGuard#redirect}); each method has the original's signature. Public because the
 * function's class loader is not this one.
 */
public final class PlatformGuard {

  /** The redirected methods, by owner (internal name). */
  static final java.util.Map<String, Set<String>> GUARDED = java.util.Map.of(
      "java/lang/ProcessHandle", Set.of("current", "of"),
      "java/util/TimeZone", Set.of("setDefault"),
      "java/util/Locale", Set.of("setDefault"),
      "java/lang/Integer", Set.of("getInteger"),
      "java/lang/Long", Set.of("getLong"),
      "java/lang/Boolean", Set.of("getBoolean"),
      "java/lang/StackWalker", Set.of("getInstance"));

  private PlatformGuard() {}

  public static ProcessHandle current() {
    throw SystemGuard.denied("java.lang.RuntimePermission", "manageProcess", null);
  }

  public static Optional<ProcessHandle> of(long pid) {
    throw SystemGuard.denied("java.lang.RuntimePermission", "manageProcess", null);
  }

  public static void setDefault(TimeZone zone) {
    throw SystemGuard.denied("java.util.PropertyPermission", "user.timezone", "write");
  }

  public static void setDefault(Locale locale) {
    if (locale == null) {
      throw new NullPointerException("Can't set default locale to NULL");
    }
    throw SystemGuard.denied("java.util.PropertyPermission", "user.language", "write");
  }

  public static void setDefault(Locale.Category category, Locale locale) {
    if (category == null) {
      throw new NullPointerException("Category cannot be NULL");
    }
    setDefault(locale);
  }

  public static Integer getInteger(String name) {
    return getInteger(name, null);
  }

  public static Integer getInteger(String name, int def) {
    return getInteger(name, Integer.valueOf(def));
  }

  /** As the JDK's: a null or empty name answers the default (its property lookup fails first). */
  public static Integer getInteger(String name, Integer def) {
    readProperty(name);
    return def;
  }

  public static Long getLong(String name) {
    return getLong(name, null);
  }

  public static Long getLong(String name, long def) {
    return getLong(name, Long.valueOf(def));
  }

  public static Long getLong(String name, Long def) {
    readProperty(name);
    return def;
  }

  public static boolean getBoolean(String name) {
    readProperty(name);
    return false;
  }

  public static StackWalker getInstance() {
    return StackWalker.getInstance();
  }

  public static StackWalker getInstance(StackWalker.Option option) {
    checkWalker(Set.of(option));
    return StackWalker.getInstance(option);
  }

  public static StackWalker getInstance(Set<StackWalker.Option> options) {
    checkWalker(options);
    return StackWalker.getInstance(options);
  }

  public static StackWalker getInstance(Set<StackWalker.Option> options, int estimateDepth) {
    checkWalker(options);
    return StackWalker.getInstance(options, estimateDepth);
  }

  private static void checkWalker(Set<StackWalker.Option> options) {
    if (options.contains(StackWalker.Option.RETAIN_CLASS_REFERENCE)) {
      throw SystemGuard.denied("java.lang.RuntimePermission", "getStackWalkerWithClassReference", null);
    }
  }

  /** A property read the manager refuses; a null or empty key fails before the check and is ignored there. */
  private static void readProperty(String name) {
    if (name != null && !name.isEmpty()) {
      throw SystemGuard.denied("java.util.PropertyPermission", name, "read");
    }
  }
}
