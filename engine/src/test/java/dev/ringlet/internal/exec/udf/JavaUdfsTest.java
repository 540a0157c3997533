package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaUdfsTest {

  private final JavaUdfs udfs = new JavaUdfs(name -> null);

  private static UserFunction fn(List<CqlType> args, CqlType returns, boolean calledOnNull, String body) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      names.add("a" + i);
    }
    return new UserFunction("ks", "f", names, args, returns, calledOnNull, "java", body);
  }

  @Test
  void should_map_timestamps_to_dates_and_collections_to_java_collections() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.TIMESTAMP, new ListType(NativeType.INT, false)),
        new MapType(NativeType.TEXT, NativeType.BIGINT, false), false,
        "Map<String, Long> m = new TreeMap<String, Long>(); m.put(\"t\", a0.getTime()); m.put(\"n\", (long) a1.size()); return m;"));
    ByteBuffer ts = NativeType.TIMESTAMP.encode(Instant.ofEpochMilli(1234));
    ByteBuffer list = new ListType(NativeType.INT, false).encode(List.of(1, 2, 3));
    ByteBuffer result = f.execute(List.of(ts, list));
    assertThat(new MapType(NativeType.TEXT, NativeType.BIGINT, false).decode(result))
        .isEqualTo(Map.of("n", 3L, "t", 1234L));
  }

  @Test
  void should_skip_the_body_on_null_input_unless_called_on_null() {
    CompiledUdf skip = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "return 7;"));
    CompiledUdf call = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, true, "return a0 == null ? 7 : a0;"));
    assertThat(skip.execute(Arrays.asList((ByteBuffer) null))).isNull();
    assertThat(NativeType.INT.decode(call.execute(Arrays.asList((ByteBuffer) null)))).isEqualTo(7);
  }

  @Test
  void should_report_a_body_exception_as_cassandra_does() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "return 1 / (a0 - a0);"));
    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(UdfFailure.class).hasMessage("java.lang.ArithmeticException: / by zero");
  }

  @Test
  void should_answer_a_function_failure_where_cassandra_stops_its_jvm_on_an_unrecoverable_state() {
    // 5.0's JVMStabilityInspector stops the node for this exception; Ringlet fails only the request
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "throw new org.apache.cassandra.exceptions.UnrecoverableIllegalStateException(\"state \" + a0);"));
    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("org.apache.cassandra.exceptions.UnrecoverableIllegalStateException: state 3");
    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(4))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("org.apache.cassandra.exceptions.UnrecoverableIllegalStateException: state 4");
  }

  @Test
  void should_answer_invalid_for_a_body_throwing_invalid_request_exception_and_wrap_errors_as_cassandra_does() {
    CompiledUdf invalid = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "throw new org.apache.cassandra.exceptions.InvalidRequestException(\"too big: \" + a0);"));
    CompiledUdf other = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "throw new org.apache.cassandra.exceptions.SyntaxException(\"bad \" + a0);"));
    CompiledUdf error = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "throw new AssertionError(\"boom \" + a0);"));
    assertThatThrownBy(() -> invalid.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(CqlException.class).hasMessage("too big: 3");
    assertThatThrownBy(() -> other.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(UdfFailure.class).hasMessage("org.apache.cassandra.exceptions.SyntaxException: bad 3");
    assertThatThrownBy(() -> error.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(UdfFailure.class).hasMessage("java.lang.RuntimeException: java.lang.AssertionError: boom 3");
  }

  @Test
  void should_keep_answering_after_the_jvm_generates_its_reflective_accessor() {
    CompiledUdf plain = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "return a0 + 1;"));
    CompiledUdf api = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "return decompose(ProtocolVersion.CURRENT, a0 + 1).getInt(0);"));
    for (int i = 0; i < 40; i++) {
      assertThat(NativeType.INT.decode(plain.execute(List.of(NativeType.INT.encode(i))))).isEqualTo(i + 1);
      assertThat(NativeType.INT.decode(api.execute(List.of(NativeType.INT.encode(i))))).isEqualTo(i + 1);
    }
  }

  @Test
  void should_extend_java_udf_only_for_bodies_that_name_its_members() {
    assertThat(UdfApi.needsJavaUdf(fn(List.of(), NativeType.TEXT, false,
        "return getClass().getSuperclass().getName();"))).isTrue();
    assertThat(UdfApi.needsJavaUdf(fn(List.of(), NativeType.TEXT, false, "return \"\" + udfContext;"))).isFalse();
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), NativeType.TEXT, false,
        "return getClass().getSuperclass().getName() + \" \" + (udfContext != null);"));
    assertThat(NativeType.TEXT.decode(f.execute(List.of(NativeType.INT.encode(1)))))
        .isEqualTo("org.apache.cassandra.cql3.functions.JavaUDF true");
  }

  @Test
  void should_refuse_classes_outside_the_sandbox_on_the_line_that_names_them() {
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "int y = a0;\nnew Thread().start();\nreturn y;")))
        .isInstanceOf(CqlException.class)
        .hasMessage("Java source compilation failed:\nLine 2: Thread cannot be resolved to a type\n");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "try { java.nio.file.Files.delete(java.nio.file.Path.of(\"/x\")); } catch (Exception e) { } return a0;")))
        .hasMessageContaining("cannot be resolved to a type");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, true,
        "var m = a0.getClass().getMethods(); return a0;")))
        .hasMessage("Java source compilation failed:\nLine 1: The type java.lang.reflect.Method cannot be resolved."
            + " It is indirectly referenced from required type java.lang.Class\nLine 1: The method getMethods() from"
            + " the type Class<capture#1-of ? extends Integer> refers to the missing type Method\n");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "var s = java.util.concurrent.Executors.newSingleThreadExecutor(); return a0;")))
        .hasMessageContaining("cannot be resolved to a type");
  }

  @Test
  void should_report_compile_errors_with_body_line_numbers() {
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "int y = 1;\nreturn z;")))
        .hasMessage("Java source compilation failed:\nLine 2: z cannot be resolved to a variable\n");
  }

  @Test
  void should_refuse_the_plumbing_classes_of_the_udf_loader_to_bodies() {
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "Object o = org.apache.cassandra.cql3.functions.types.UdfValueBridge.type(\"int\"); return a0;")))
        .isInstanceOf(CqlException.class)
        .hasMessageContaining("cannot be resolved to a type");
  }

  @Test
  void should_compile_with_the_eclipse_compiler_and_quote_its_messages() {
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "return \"a\";")))
        .hasMessage("Java source compilation failed:\nLine 1: Type mismatch: cannot convert from String to int\n");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "return a0 +;")))
        .hasMessage("Java source compilation failed:\nLine 1: Syntax error on token \"+\", ++ expected\n");
  }

  @Test
  void should_refuse_forbidden_calls_and_declarations_at_create_with_the_verifiers_messages() {
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "try { Class.forName(\"java.lang.String\"); } catch (Exception e) { } return a0;")))
        .isInstanceOf(CqlException.class)
        .hasMessage("Java UDF validation failed: [call to java.lang.Class.forName()]");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "synchronized (this) { return a0; }")))
        .hasMessage("Java UDF validation failed: [use of synchronized]");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "return a0; } int field; int other() { return field;")))
        .hasMessage("Java UDF validation failed: [field declared: field, not allowed method declared: other()I]");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "return a0; } static { System.gc(); } int other() { return 0;")))
        .hasMessage("Java UDF validation failed: [not allowed method declared: other()I, static initializer declared]");
    assertThatThrownBy(() -> udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false,
        "return java.nio.ByteBuffer.allocateDirect(a0).capacity();")))
        .hasMessage("Java UDF validation failed: [call to java.nio.ByteBuffer.allocateDirect()]");
  }

  @Test
  void should_refuse_system_exit_and_properties_when_the_body_runs_as_cassandras_security_manager_does() {
    CompiledUdf exit = udfs.compile(fn(List.of(NativeType.INT), NativeType.INT, false, "System.exit(a0); return a0;"));
    assertThatThrownBy(() -> exit.execute(List.of(NativeType.INT.encode(3))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("java.security.AccessControlException: access denied (\"java.lang.RuntimePermission\" \"exitVM.3\")");
    CompiledUdf property = udfs.compile(fn(List.of(NativeType.INT), NativeType.TEXT, false,
        "return System.getProperty(\"user.home\");"));
    assertThatThrownBy(() -> property.execute(List.of(NativeType.INT.encode(3))))
        .hasMessage("java.security.AccessControlException: access denied (\"java.util.PropertyPermission\""
            + " \"user.home\" \"read\")");
    CompiledUdf time = udfs.compile(fn(List.of(NativeType.INT), NativeType.BOOLEAN, false,
        "return System.currentTimeMillis() > a0;"));
    assertThat(NativeType.BOOLEAN.decode(time.execute(List.of(NativeType.INT.encode(3))))).isEqualTo(true);
  }
}
