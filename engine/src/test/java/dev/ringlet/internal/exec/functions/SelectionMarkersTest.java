package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.select.Output;
import dev.ringlet.internal.exec.select.Selection;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bind markers in a SELECT clause: named {@code [selection]}, typed by their context, read at execution. */
class SelectionMarkersTest {

  private final TableMetadata table = new TableMetadata("ks", "t", UUID.randomUUID(),
      List.of(new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false)),
      List.of(), List.of(), TableParams.defaults(), false, false);
  private final TermFunctions functions = new TermFunctions(new ManualClock(0));

  @Test
  void should_type_markers_by_their_function_parameter_and_hint_and_read_the_bound_values() {
    Variables variables = new Variables(Arrays.asList(null, null));
    TermCompiler terms = new TermCompiler(variables, functions);
    List<Selector.Aliased> selectors = List.of(
        new Selector.Aliased(new Selector.Function(new QualifiedName(null, "intasblob"),
            List.of(new Selector.Value(new Term.BindMarker(0, null)))), null),
        new Selector.Aliased(new Selector.Value(new Term.TypeHint(new TypeExpr.Native("int"),
            new Term.BindMarker(1, null))), null));

    Selection selection = Selection.of(table, selectors, functions.registry(), terms);
    BoundValues values = BoundValues.bind(variables.specs(), variables.names(),
        QueryOptions.simple(List.of(NativeType.INT.encode(5), NativeType.INT.encode(7))));
    List<Output> outputs = selection.outputs(values);

    assertThat(variables.specs()).extracting(s -> s.name() + " " + s.type().cql())
        .containsExactly("[selection] int", "[selection] int");
    assertThat(selection.columns()).extracting(c -> c.name() + " " + c.type().cql())
        .containsExactly("system.intasblob(?) blob", "(int)? int");
    assertThat(((Output.PerRow) outputs.get(0)).value().apply(null)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 0, 0, 5}));
    assertThat(((Output.PerRow) outputs.get(1)).value().apply(null)).isEqualTo(NativeType.INT.encode(7));
  }
}
