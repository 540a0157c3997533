package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.flt;
import static dev.ringlet.internal.cql.parse.Ast.integer;
import static dev.ringlet.internal.cql.parse.Ast.marker;
import static dev.ringlet.internal.cql.parse.Ast.name;
import static dev.ringlet.internal.cql.parse.Ast.str;
import static dev.ringlet.internal.cql.parse.Ast.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.types.LiteralKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermParserTest {

  /** The value of {@code INSERT INTO t (v) VALUES (<term>)}. */
  private static Term term(String term) {
    return ((Statement.Insert) CqlParser.parse("INSERT INTO t (v) VALUES (" + term + ")")).values().get(0);
  }

  @Test
  void should_parse_constants_of_every_kind() {
    assertThat(term("'s'")).isEqualTo(str("s"));
    assertThat(term("-12")).isEqualTo(integer("-12"));
    assertThat(term("NaN")).isEqualTo(flt("NaN"));
    assertThat(term("-Infinity")).isEqualTo(flt("-Infinity"));
    assertThat(term("nan")).isEqualTo(flt("NaN"));
    assertThat(term("-NAN")).isEqualTo(flt("NaN"));
    assertThat(term("infinity")).isEqualTo(flt("Infinity"));
    assertThat(term("true")).isEqualTo(new Term.Constant(LiteralKind.BOOLEAN, "true"));
    assertThat(term("1h30m")).isEqualTo(new Term.Constant(LiteralKind.DURATION, "1h30m"));
    assertThat(term("0xBEEF")).isEqualTo(new Term.Constant(LiteralKind.HEX, "BEEF"));
    assertThat(term("a4a70900-24e1-11df-8924-001ff3591711"))
        .isEqualTo(new Term.Constant(LiteralKind.UUID, "a4a70900-24e1-11df-8924-001ff3591711"));
    assertThat(term("null")).isEqualTo(new Term.Null());
  }

  @Test
  void should_tell_maps_sets_and_udts_apart_like_cassandra() {
    assertThat(term("{}")).isEqualTo(new Term.MapLiteral(List.of(), List.of()));
    assertThat(term("{'a': 1}")).isEqualTo(new Term.MapLiteral(List.of(str("a")), List.of(integer("1"))));
    assertThat(term("{1, 2}")).isEqualTo(new Term.SetLiteral(List.of(integer("1"), integer("2"))));
    assertThat(term("{a: 1, \"B\": 'x'}"))
        .isEqualTo(new Term.UdtLiteral(List.of("a", "B"), List.of(integer("1"), str("x"))));
  }

  @Test
  void should_parse_lists_tuples_and_nested_literals() {
    assertThat(term("[]")).isEqualTo(new Term.ListLiteral(List.of()));
    assertThat(term("(1, 'a', [2])"))
        .isEqualTo(new Term.TupleLiteral(List.of(integer("1"), str("a"), new Term.ListLiteral(List.of(integer("2"))))));
  }

  @Test
  void should_parse_function_calls_and_type_hints() {
    assertThat(term("now()")).isEqualTo(new Term.FunctionCall(name("now"), List.of()));
    assertThat(term("ks.f(1, ?)")).isEqualTo(new Term.FunctionCall(name("ks", "f"), List.of(integer("1"), marker(0))));
    assertThat(term("(int) ?")).isEqualTo(new Term.TypeHint(type("int"), marker(0)));
    assertThat(term("(frozen<list<int>>) [1]"))
        .isEqualTo(new Term.TypeHint(new TypeExpr.Frozen(new TypeExpr.Collection("list", type("int"))),
            new Term.ListLiteral(List.of(integer("1")))));
  }

  @Test
  void should_respect_precedence_when_parsing_arithmetic() {
    assertThat(term("1 + 2 * 3 - 4")).isEqualTo(
        new Term.Arithmetic('-',
            new Term.Arithmetic('+', integer("1"), new Term.Arithmetic('*', integer("2"), integer("3"))),
            integer("4")));
    assertThat(term("- ?")).isEqualTo(new Term.Arithmetic('-', integer("0"), marker(0)));
  }
}
