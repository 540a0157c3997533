package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * What Cassandra 5.0's security manager refuses while a body runs, beyond {@code System}'s methods,
 * refused the same way here, leaving the test JVM untouched (see functions_udf_runtime).
 */
class PlatformGuardTest {

  private final JavaUdfs udfs = new JavaUdfs(name -> null);

  private ByteBuffer run(CqlType returns, String body) {
    UserFunction f = new UserFunction("ks", "f", List.of("x"), List.of(NativeType.INT), returns, false, "java", body);
    return udfs.compile(f).execute(List.of(NativeType.INT.encode(10)));
  }

  private static String denied(String permission, String name, String actions) {
    return "java.security.AccessControlException: access denied (\"" + permission + "\" \"" + name + "\""
        + (actions == null ? "" : " \"" + actions + "\"") + ")";
  }

  @Test
  void should_refuse_process_handles() {
    assertThatThrownBy(() -> run(NativeType.BIGINT, "return ProcessHandle.current().pid();"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.lang.RuntimePermission", "manageProcess", null));
    assertThatThrownBy(() -> run(NativeType.INT, "return ProcessHandle.of(1L).isPresent() ? x : 0;"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.lang.RuntimePermission", "manageProcess", null));
  }

  @Test
  void should_leave_the_jvms_default_time_zone_and_locale_alone() {
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    Locale format = Locale.getDefault(Locale.Category.FORMAT);

    assertThatThrownBy(() -> run(NativeType.INT, "TimeZone.setDefault(TimeZone.getTimeZone(\"Pacific/Kiritimati\")); return x;"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "user.timezone", "write"));
    assertThatThrownBy(() -> run(NativeType.INT, "Locale.setDefault(Locale.JAPAN); return x;"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "user.language", "write"));
    assertThatThrownBy(() -> run(NativeType.INT, "Locale.setDefault(Locale.Category.FORMAT, Locale.JAPAN); return x;"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "user.language", "write"));
    assertThatThrownBy(() -> run(NativeType.INT, "Locale.setDefault(null); return x;"))
        .isInstanceOf(UdfFailure.class).hasMessage("java.lang.NullPointerException: Can't set default locale to NULL");

    assertThat(TimeZone.getDefault()).isEqualTo(zone);
    assertThat(Locale.getDefault()).isEqualTo(locale);
    assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(format);
    assertThat(NativeType.INT.decode(run(NativeType.INT, "return TimeZone.getDefault() != null ? x : 0;"))).isEqualTo(10);
  }

  @Test
  void should_refuse_property_reads_through_number_and_boolean_getters_but_not_for_empty_names() {
    assertThatThrownBy(() -> run(NativeType.INT, "Integer i = Integer.getInteger(\"java.version\", 3); return i;"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "java.version", "read"));
    assertThatThrownBy(() -> run(NativeType.BIGINT, "return Long.getLong(\"user.home\");"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "user.home", "read"));
    assertThatThrownBy(() -> run(NativeType.BOOLEAN, "return Boolean.getBoolean(\"x\");"))
        .isInstanceOf(UdfFailure.class).hasMessage(denied("java.util.PropertyPermission", "x", "read"));
    // the JDK's lookup fails on an empty or null name before any permission check, and answers the default
    assertThat(NativeType.INT.decode(run(NativeType.INT, "return Integer.getInteger(\"\", x);"))).isEqualTo(10);
    assertThat(NativeType.BOOLEAN.decode(run(NativeType.BOOLEAN, "return Boolean.getBoolean(null);"))).isEqualTo(false);
  }

  @Test
  void should_refuse_a_stack_walker_that_retains_classes_only() {
    assertThatThrownBy(() -> run(NativeType.INT,
        "return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE) != null ? x : 0;"))
        .isInstanceOf(UdfFailure.class)
        .hasMessage(denied("java.lang.RuntimePermission", "getStackWalkerWithClassReference", null));
    assertThat(NativeType.INT.decode(run(NativeType.INT,
        "return StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES) != null ? x : 0;"))).isEqualTo(10);
  }
}
