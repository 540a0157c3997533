package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.flt;
import static dev.ringlet.internal.cql.parse.Ast.integer;
import static dev.ringlet.internal.cql.parse.Ast.marker;
import static dev.ringlet.internal.cql.parse.Ast.name;
import static dev.ringlet.internal.cql.parse.Ast.str;
import static dev.ringlet.internal.cql.parse.Ast.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Selector.Aliased;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectParserTest {

  private static Statement.Select select(String cql) {
    return (Statement.Select) CqlParser.parse(cql);
  }

  private static List<Selector> selectors(String cql) {
    return select(cql).selectors().stream().map(Aliased::selector).toList();
  }

  private static Selector col(String name) {
    return new Selector.Column(name);
  }

  @Test
  void should_parse_a_function_of_the_last_clustering_column_in_group_by() {
    Statement.Select s = select("SELECT count(*) FROM t WHERE k = 1 GROUP BY k, floor(c, ?) LIMIT 2");

    assertThat(s.groupBy()).containsExactly(col("k"),
        new Selector.Function(name("floor"), List.of(col("c"), new Selector.Value(marker(0)))));
  }

  @Test
  void should_parse_star_when_selecting_everything() {
    assertThat(CqlParser.parse("SELECT * FROM ks.t;"))
        .isEqualTo(new Statement.Select(name("ks", "t"), false, false, List.of(), List.of(), List.of(),
            List.of(), null, null, false, List.of()));
  }

  @Test
  void should_parse_every_clause_when_all_are_present() {
    Statement.Select s = select(
        "select JSON DISTINCT a AS x, b FROM t WHERE a = 1 GROUP BY a, b ORDER BY b DESC, c "
            + "PER PARTITION LIMIT 2 LIMIT ? ALLOW FILTERING");
    assertThat(s).isEqualTo(new Statement.Select(name("t"), true, true,
        List.of(new Aliased(col("a"), "x"), new Aliased(col("b"), null)),
        List.of(new Relation.Single("a", Operator.EQ, integer("1"), null)),
        List.of(col("a"), col("b")),
        List.of(new Ordering("b", true, null), new Ordering("c", false, null)),
        integer("2"), marker(0), true, Arrays.asList((String) null)));
  }

  @Test
  void should_treat_json_as_column_when_no_select_clause_follows() {
    Statement.Select s = select("SELECT json, distinct FROM t");
    assertThat(s.json()).isFalse();
    assertThat(s.distinct()).isFalse();
    assertThat(selectors("SELECT json, distinct FROM t")).containsExactly(col("json"), col("distinct"));
  }

  @Test
  void should_parse_special_selectors() {
    assertThat(selectors("SELECT COUNT(*), count(1), WRITETIME(v), maxwritetime(v), TTL(m['k']) FROM t"))
        .containsExactly(
            new Selector.CountAll(),
            new Selector.CountAll(),
            new Selector.WriteTimeOrTtl(Selector.WriteTimeOrTtl.Kind.WRITETIME, col("v")),
            new Selector.WriteTimeOrTtl(Selector.WriteTimeOrTtl.Kind.MAXWRITETIME, col("v")),
            new Selector.WriteTimeOrTtl(Selector.WriteTimeOrTtl.Kind.TTL,
                new Selector.Element(col("m"), str("k"))));
  }

  @Test
  void should_parse_functions_casts_and_accessors() {
    assertThat(selectors("SELECT token(k), ks.f(a, 1), CAST(a AS text), u.f.g, m['k'], l[1..3], l[..2], s[1..] FROM t"))
        .containsExactly(
            new Selector.Function(name("token"), List.of(col("k"))),
            new Selector.Function(name("ks", "f"), List.of(col("a"), new Selector.Value(integer("1")))),
            new Selector.Cast(col("a"), type("text")),
            new Selector.Field(new Selector.Field(col("u"), "f"), "g"),
            new Selector.Element(col("m"), str("k")),
            new Selector.Slice(col("l"), integer("1"), integer("3")),
            new Selector.Slice(col("l"), null, integer("2")),
            new Selector.Slice(col("s"), integer("1"), null));
  }

  @Test
  void should_respect_precedence_when_selecting_arithmetic() {
    assertThat(selectors("SELECT a + b * 2, -a, 'lit', ? FROM t"))
        .containsExactly(
            new Selector.Arithmetic('+', col("a"),
                new Selector.Arithmetic('*', col("b"), new Selector.Value(integer("2")))),
            new Selector.Arithmetic('-', new Selector.Value(integer("0")), col("a")),
            new Selector.Value(str("lit")),
            new Selector.Value(marker(0)));
  }

  @Test
  void should_accept_unreserved_keywords_as_column_names() {
    assertThat(selectors("SELECT key, type, ttl, writetime, count, filtering, keys, values, static, frozen, list, map, text FROM t"))
        .extracting(s -> ((Selector.Column) s).name())
        .containsExactly("key", "type", "ttl", "writetime", "count", "filtering", "keys", "values",
            "static", "frozen", "list", "map", "text");
  }

  @Test
  void should_parse_single_column_relations() {
    assertThat(select("SELECT * FROM t WHERE a IN (1, 2) AND b IN ? AND c CONTAINS 3 AND d CONTAINS KEY 'k' "
            + "AND e LIKE 'x%' AND f IS NOT NULL AND m['k'] = 4 AND g >= 5 AND h != 6").where())
        .containsExactly(
            new Relation.Single("a", Operator.IN, null, List.of(integer("1"), integer("2"))),
            new Relation.Single("b", Operator.IN, marker(0), null),
            new Relation.Single("c", Operator.CONTAINS, integer("3"), null),
            new Relation.Single("d", Operator.CONTAINS_KEY, str("k"), null),
            new Relation.Single("e", Operator.LIKE, str("x%"), null),
            new Relation.Single("f", Operator.IS_NOT, new Term.Null(), null),
            new Relation.Element("m", str("k"), Operator.EQ, integer("4")),
            new Relation.Single("g", Operator.GTE, integer("5"), null),
            new Relation.Single("h", Operator.NEQ, integer("6"), null));
  }

  @Test
  void should_parse_multi_column_and_token_relations() {
    Term.TupleLiteral t12 = new Term.TupleLiteral(List.of(integer("1"), integer("2")));
    Term.TupleLiteral t34 = new Term.TupleLiteral(List.of(integer("3"), integer("4")));
    assertThat(select("SELECT * FROM t WHERE (a, b) > (1, 2) AND (a, b) IN ((1, 2), (3, 4)) "
            + "AND (a, b) IN ? AND (a) = ? AND token(a, b) > ?").where())
        .containsExactly(
            new Relation.MultiColumn(List.of("a", "b"), Operator.GT, t12, null),
            new Relation.MultiColumn(List.of("a", "b"), Operator.IN, null, List.of(t12, t34)),
            new Relation.MultiColumn(List.of("a", "b"), Operator.IN, marker(0), null),
            new Relation.MultiColumn(List.of("a"), Operator.EQ, marker(1), null),
            new Relation.Token(List.of("a", "b"), Operator.GT, marker(2)));
  }

  @Test
  void should_parse_ann_ordering_when_vector_search() {
    assertThat(select("SELECT * FROM t ORDER BY v ANN OF [1.0, 2.5] LIMIT 3").orderBy())
        .containsExactly(new Ordering("v", false, new Term.ListLiteral(List.of(flt("1.0"), flt("2.5")))));
  }

  @Test
  void should_accept_direction_when_ordering_by_ann() {
    assertThat(select("SELECT * FROM t ORDER BY v ANN OF ? DESC").orderBy())
        .containsExactly(new Ordering("v", true, marker(0)));
  }

  @Test
  void should_not_count_markers_twice_when_a_parenthesized_selector_is_reparsed() {
    Statement.Select s = select("SELECT (? + a) FROM t WHERE k = ?");
    assertThat(s.boundNames()).hasSize(2);
    assertThat(s.where()).containsExactly(new Relation.Single("k", Operator.EQ, marker(1), null));
  }

  @Test
  void should_number_named_and_positional_markers_in_order() {
    Statement.Select s = select("SELECT * FROM t WHERE a = :x AND b = ? AND c = :y LIMIT :lim");
    assertThat(s.boundNames()).containsExactly("x", null, "y", "lim");
    assertThat(s.where().get(1)).isEqualTo(new Relation.Single("b", Operator.EQ, marker(1), null));
  }
}
