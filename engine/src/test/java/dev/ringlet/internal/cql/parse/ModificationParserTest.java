package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.integer;
import static dev.ringlet.internal.cql.parse.Ast.marker;
import static dev.ringlet.internal.cql.parse.Ast.name;
import static dev.ringlet.internal.cql.parse.Ast.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.Assignment;
import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Deletion;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModificationParserTest {

  private static final List<Relation> WHERE_K1 =
      List.of(new Relation.Single("k", Operator.EQ, integer("1"), null));

  private static List<Assignment> assignments(String set) {
    return ((Statement.Update) CqlParser.parse("UPDATE t SET " + set + " WHERE k = 1")).assignments();
  }

  @Test
  void should_parse_insert_when_values_and_options_are_given() {
    assertThat(CqlParser.parse("INSERT INTO ks.t (k, v) VALUES (1, 'a') IF NOT EXISTS USING TIMESTAMP 5 AND TTL ?"))
        .isEqualTo(new Statement.Insert(name("ks", "t"), List.of("k", "v"), List.of(integer("1"), str("a")),
            true, new Using(marker(0), integer("5")), Arrays.asList((String) null)));
  }

  @Test
  void should_parse_insert_json_when_default_unset() {
    assertThat(CqlParser.parse("INSERT INTO t JSON '{\"k\": 1}' DEFAULT UNSET"))
        .isEqualTo(new Statement.InsertJson(name("t"), str("{\"k\": 1}"), true, false, Using.NONE, List.of()));
    assertThat(((Statement.InsertJson) CqlParser.parse("INSERT INTO t JSON ? DEFAULT NULL")).defaultUnset()).isFalse();
  }

  @Test
  void should_parse_every_assignment_form() {
    assertThat(assignments("a = 1, c = c + 1, c = c - 2, l = [1] + l, l = l + [2], m['k'] = 'v', "
            + "u.f = 3, s = s - {1}, c += 1, c -= 1, c = c -1"))
        .containsExactly(
            new Assignment.Set("a", integer("1")),
            new Assignment.Add("c", integer("1")),
            new Assignment.Subtract("c", integer("2")),
            new Assignment.Prepend("l", new Term.ListLiteral(List.of(integer("1")))),
            new Assignment.Add("l", new Term.ListLiteral(List.of(integer("2")))),
            new Assignment.SetElement("m", str("k"), str("v")),
            new Assignment.SetField("u", "f", integer("3")),
            new Assignment.Subtract("s", new Term.SetLiteral(List.of(integer("1")))),
            new Assignment.Add("c", integer("1")),
            new Assignment.Subtract("c", integer("1")),
            new Assignment.Add("c", integer("-1")));
  }

  @Test
  void should_refuse_self_reference_when_column_differs() {
    assertThatThrownBy(() -> assignments("a = b + 1"))
        .hasMessage("Only expressions of the form X = X +<value> are supported.");
    assertThatThrownBy(() -> assignments("a = b -1"))
        .hasMessage("Only expressions of the form X = X - <value> are supported.");
    assertThatThrownBy(() -> assignments("a = [1] + b"))
        .hasMessage("Only expressions of the form X = <value> + X are supported.");
  }

  @Test
  void should_refuse_incompatible_settings_of_one_column() {
    assertThatThrownBy(() -> assignments("a = 1, a = 2")).hasMessage("Multiple incompatible setting of column a");
    assertThatThrownBy(() -> assignments("u.f = 1, u.f = 2")).hasMessage("Multiple incompatible setting of column u");
    assertThat(assignments("u.f = 1, u.g = 2, m['a'] = 1, m['b'] = 2")).hasSize(4);
  }

  @Test
  void should_parse_update_with_using_and_conditions() {
    assertThat(CqlParser.parse("UPDATE t USING TTL 10 SET v = 1 WHERE k = 1 IF a = 1 AND m['k'] > 2 AND u.f IN (1, 2)"))
        .isEqualTo(new Statement.Update(name("t"), new Using(integer("10"), null),
            List.of(new Assignment.Set("v", integer("1"))), WHERE_K1, false,
            List.of(
                new Condition("a", null, null, Operator.EQ, integer("1"), null),
                new Condition("m", str("k"), null, Operator.GT, integer("2"), null),
                new Condition("u", null, "f", Operator.IN, null, List.of(integer("1"), integer("2")))),
            List.of()));
  }

  @Test
  void should_parse_update_if_exists() {
    assertThat(((Statement.Update) CqlParser.parse("UPDATE t SET v = 1 WHERE k = 1 IF EXISTS")).ifExists()).isTrue();
  }

  @Test
  void should_parse_delete_with_targets_timestamp_and_if_exists() {
    assertThat(CqlParser.parse("DELETE a, m['k'], u.f FROM t USING TIMESTAMP 7 WHERE k = 1 IF EXISTS"))
        .isEqualTo(new Statement.Delete(name("t"),
            List.of(new Deletion("a", null, null), new Deletion("m", str("k"), null), new Deletion("u", null, "f")),
            new Using(null, integer("7")), WHERE_K1, true, List.of(), List.of()));
  }

  @Test
  void should_parse_whole_row_delete_with_conditions() {
    Statement.Delete d = (Statement.Delete) CqlParser.parse("DELETE FROM t WHERE k = 1 IF v = null");
    assertThat(d.targets()).isEmpty();
    assertThat(d.conditions()).containsExactly(new Condition("v", null, null, Operator.EQ, new Term.Null(), null));
  }

  @Test
  void should_continue_marker_numbering_across_batch_statements() {
    Statement.Batch b = (Statement.Batch) CqlParser.parse(
        "BEGIN UNLOGGED BATCH USING TIMESTAMP 1 "
            + "INSERT INTO t (k, v) VALUES (?, ?); "
            + "UPDATE t SET v = :v WHERE k = ?; "
            + "DELETE FROM t WHERE k = ? "
            + "APPLY BATCH;");
    assertThat(b.type()).isEqualTo(Statement.Batch.Type.UNLOGGED);
    assertThat(b.using()).isEqualTo(new Using(null, integer("1")));
    assertThat(b.boundNames()).containsExactly(null, null, "v", null, null);
    assertThat(((Statement.Insert) b.statements().get(0)).values()).containsExactly(marker(0), marker(1));
    assertThat(((Statement.Update) b.statements().get(1)).assignments())
        .containsExactly(new Assignment.Set("v", marker(2, "v")));
    assertThat(((Statement.Delete) b.statements().get(2)).where())
        .containsExactly(new Relation.Single("k", Operator.EQ, marker(4), null));
  }

  @Test
  void should_parse_counter_and_logged_batches() {
    assertThat(((Statement.Batch) CqlParser.parse("BEGIN COUNTER BATCH UPDATE t SET c = c + 1 WHERE k = 1 APPLY BATCH")).type())
        .isEqualTo(Statement.Batch.Type.COUNTER);
    assertThat(((Statement.Batch) CqlParser.parse("BEGIN BATCH APPLY BATCH")).type())
        .isEqualTo(Statement.Batch.Type.LOGGED);
  }
}
