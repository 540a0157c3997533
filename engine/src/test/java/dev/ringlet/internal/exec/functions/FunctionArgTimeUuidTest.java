package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.LiteralKind;
import dev.ringlet.internal.types.NativeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overload resolution with 5.0's {@code LegacyTimeUUIDType}, a user function's timeuuid
 * (recorded in functions_udf_timeuuid): the same type as timeuuid, no uuid, and literals read as timeuuid.
 */
class FunctionArgTimeUuidTest {

  private static final CustomType LEGACY = CustomType.LEGACY_TIMEUUID;

  @Test
  void should_run_a_user_function_with_legacy_timeuuid_only_at_the_top_level() {
    UserFunction f = new UserFunction("ks", "f", List.of("a", "b"), List.of(NativeType.TIMEUUID,
        new dev.ringlet.internal.types.ListType(NativeType.TIMEUUID, false)), NativeType.TIMEUUID, false, "java", "");

    UserFunction run = f.asRun();

    assertThat(run.argumentTypes().get(0)).isSameAs(LEGACY);
    assertThat(run.argumentTypes().get(1)).isEqualTo(f.argumentTypes().get(1));
    assertThat(run.returnType()).isSameAs(LEGACY);
    UserFunction plain = new UserFunction("ks", "g", List.of("a"), List.of(NativeType.UUID), NativeType.INT, false,
        "java", "");
    assertThat(plain.asRun()).isSameAs(plain);
  }

  @Test
  void should_match_a_timeuuid_exactly_and_refuse_a_legacy_timeuuid_for_a_uuid() {
    assertThat(FunctionArg.typed("u", NativeType.TIMEUUID).fit(LEGACY)).isEqualTo(FunctionArg.Fit.EXACT);
    assertThat(FunctionArg.typed("f(u)", LEGACY).fit(NativeType.TIMEUUID)).isEqualTo(FunctionArg.Fit.EXACT);
    assertThat(FunctionArg.typed("f(u)", LEGACY).fit(NativeType.UUID)).isEqualTo(FunctionArg.Fit.NONE);
    assertThat(FunctionArg.typed("id", NativeType.UUID).fit(LEGACY)).isEqualTo(FunctionArg.Fit.NONE);
    assertThat(FunctionArg.typed("u", NativeType.TIMEUUID).fit(NativeType.UUID)).isEqualTo(FunctionArg.Fit.WEAK);
  }

  @Test
  void should_fit_a_version_1_uuid_literal_exactly_to_timeuuid_and_others_to_uuid() {
    FunctionArg time = FunctionArg.literal("50554d6e-29bb-11e5-b345-feff819cdc9f", LiteralKind.UUID);
    FunctionArg random = FunctionArg.literal("f47ac10b-58cc-4372-a567-0e02b2c3d479", LiteralKind.UUID);

    assertThat(time.fit(LEGACY)).isEqualTo(FunctionArg.Fit.EXACT);
    assertThat(time.fit(NativeType.UUID)).isEqualTo(FunctionArg.Fit.WEAK);
    assertThat(random.fit(NativeType.UUID)).isEqualTo(FunctionArg.Fit.EXACT);
    assertThat(random.fit(LEGACY)).isEqualTo(FunctionArg.Fit.WEAK);
    assertThat(FunctionArg.literal("0x01", LiteralKind.HEX).fit(LEGACY)).isEqualTo(FunctionArg.Fit.NONE);
    assertThat(FunctionArg.literal("x", LiteralKind.STRING).fit(LEGACY)).isEqualTo(FunctionArg.Fit.NONE);
  }
}
