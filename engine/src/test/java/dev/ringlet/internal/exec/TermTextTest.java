package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.types.LiteralKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms written back as 5.0's messages quote them: every bind marker is {@code ?}, named or not. */
class TermTextTest {

  @Test
  void should_print_named_and_positional_markers_as_question_marks() {
    assertThat(TermText.of(new Term.BindMarker(0, "x"))).isEqualTo("?");
    assertThat(TermText.of(new Term.BindMarker(1, null))).isEqualTo("?");
    assertThat(TermText.of(new Term.TupleLiteral(List.of(new Term.BindMarker(0, "a"),
        new Term.Constant(LiteralKind.STRING, "it's"))))).isEqualTo("(?, 'it''s')");
  }

  @Test
  void should_print_a_multi_column_relation_with_its_markers() {
    Relation.MultiColumn relation = new Relation.MultiColumn(List.of("c2", "c1"), Operator.IN,
        new Term.BindMarker(0, "list"), null);

    assertThat(TermText.of(relation)).isEqualTo("(c2, c1) IN ?");
  }
}
