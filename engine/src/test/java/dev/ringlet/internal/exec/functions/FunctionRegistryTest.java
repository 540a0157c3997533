package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.LiteralKind;
import dev.ringlet.internal.types.NativeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overload resolution and its messages, compared with Cassandra 5.0's. */
class FunctionRegistryTest {

  private final FunctionRegistry registry = FunctionRegistry.create(new ManualClock(0));

  private NativeFunction resolve(String name, FunctionArg... args) {
    return registry.resolve(new QualifiedName(null, name), List.of(args), null);
  }

  @Test
  void should_report_an_ambiguous_call_with_the_compatible_signatures() {
    assertThatThrownBy(() -> resolve("tounixtimestamp", FunctionArg.literal("'2024-01-05'", LiteralKind.STRING)))
        .hasMessage("Ambiguous call to function tounixtimestamp (can be matched by following signatures:"
            + " system.tounixtimestamp : (date) -> bigint, system.tounixtimestamp : (timestamp) -> bigint):"
            + " use type casts to disambiguate");
  }

  @Test
  void should_report_a_call_matching_no_signature() {
    assertThatThrownBy(() -> resolve("todate", FunctionArg.typed("k", NativeType.INT)))
        .hasMessage("Invalid call to function todate, none of its type signatures match (known type signatures:"
            + " system.todate : (timestamp) -> date, system.todate : (timeuuid) -> date)");
  }

  @Test
  void should_check_the_arguments_of_a_function_with_one_signature() {
    assertThatThrownBy(() -> resolve("intasblob", FunctionArg.typed("c_text", NativeType.TEXT)))
        .hasMessage("Type error: c_text cannot be passed as argument 0 of function system.intasblob of type int");
    assertThatThrownBy(() -> resolve("intasblob"))
        .hasMessage("Invalid number of arguments in call to function system.intasblob: 1 required but 0 provided");
  }

  @Test
  void should_prefer_the_literal_own_type_when_several_overloads_fit() {
    NativeFunction abs = resolve("abs", FunctionArg.literal("-7", LiteralKind.INTEGER));

    assertThat(abs.returnType()).isEqualTo(NativeType.INT);
  }

  @Test
  void should_not_know_functions_of_other_keyspaces() {
    assertThat(registry.resolve(new QualifiedName("ks", "intasblob"), List.of(), null)).isNull();
  }
}
