package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.LiteralKind;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Function calls as terms: token from the partition key types, the injected clock, receiver checks. */
class TermCallsTest {

  private static final long START_MICROS = 1_709_210_096_789_000L;

  private final ManualClock clock = new ManualClock(START_MICROS);
  private final TermFunctions functions = new TermFunctions(clock, TermCallsTest::schema);
  private final TermCompiler compiler = new TermCompiler(new Variables(List.of()), functions);

  private static Schema schema() {
    ColumnMetadata a = new ColumnMetadata("a", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
    ColumnMetadata b = new ColumnMetadata("b", NativeType.TEXT, ColumnMetadata.Kind.PARTITION_KEY, 1, false);
    TableMetadata c = new TableMetadata("ks", "c", UUID.randomUUID(), List.of(a, b), List.of(), List.of(),
        TableParams.defaults(), false, false);
    KeyspaceMetadata ks = new KeyspaceMetadata("ks", true, ReplicationParams.simple(1), Map.of("c", c), Map.of(), false);
    return new Schema(UUID.randomUUID(), Map.of("ks", ks));
  }

  private ByteBuffer evaluate(String name, CqlType receiverType, Term... args) {
    Term.FunctionCall call = new Term.FunctionCall(new QualifiedName(null, name), List.of(args));
    return functions.compile(call, new ColumnSpec("ks", "c", "r", receiverType), compiler).bind(BoundValues.NONE);
  }

  @Test
  void should_compute_the_token_of_a_composite_key_from_the_partition_key_types() {
    // Cassandra 5.0 answers 746584927563629270 for token(1, 'x') on PRIMARY KEY ((a int, b text))
    ByteBuffer token = evaluate("token", NativeType.BIGINT,
        new Term.Constant(LiteralKind.INTEGER, "1"), new Term.Constant(LiteralKind.STRING, "x"));

    assertThat(NativeType.BIGINT.decode(token)).isEqualTo(746584927563629270L);
  }

  @Test
  void should_refuse_a_token_with_the_wrong_number_of_arguments() {
    assertThatThrownBy(() -> evaluate("token", NativeType.BIGINT, new Term.Constant(LiteralKind.INTEGER, "1")))
        .isInstanceOf(CqlException.class)
        .hasMessage("Invalid number of arguments in call to function system.token: 2 required but 1 provided");
  }

  @Test
  void should_read_the_current_timestamp_from_the_injected_clock() {
    ByteBuffer now = evaluate("currenttimestamp", NativeType.TIMESTAMP);

    assertThat(NativeType.TIMESTAMP.decode(now)).isEqualTo(Instant.ofEpochMilli(START_MICROS / 1000));
  }

  @Test
  void should_refuse_a_result_of_another_type_than_the_receiver() {
    assertThatThrownBy(() -> evaluate("now", NativeType.TIMESTAMP))
        .hasMessage("Type error: cannot assign result of function system.now (type timeuuid) to r (type timestamp)");
  }

  @Test
  void should_pick_the_overload_returning_the_receiver_type() {
    ByteBuffer e = evaluate("exp", NativeType.DOUBLE, new Term.Constant(LiteralKind.INTEGER, "0"));

    assertThat(NativeType.DOUBLE.decode(e)).isEqualTo(1.0);
  }

  @Test
  void should_word_an_unknown_function_as_cassandra_does_for_terms() {
    assertThatThrownBy(() -> evaluate("nosuchfunction", NativeType.INT))
        .hasMessage("Unknown function nosuchfunction called");
  }
}
