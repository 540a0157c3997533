package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.integer;
import static dev.ringlet.internal.cql.parse.Ast.name;
import static dev.ringlet.internal.cql.parse.Ast.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionParserTest {

  @Test
  void should_parse_create_function_with_dollar_body() {
    assertThat(CqlParser.parse("CREATE OR REPLACE FUNCTION ks.plus(a int, b int) RETURNS NULL ON NULL INPUT "
            + "RETURNS int LANGUAGE java AS $$ return a + b; $$"))
        .isEqualTo(new Statement.CreateFunction(name("ks", "plus"), true, false, List.of("a", "b"),
            List.of(type("int"), type("int")), false, type("int"), "java", " return a + b; ", false, false, List.of()));
  }

  @Test
  void should_parse_create_function_with_string_body_and_flags() {
    Statement.CreateFunction f = (Statement.CreateFunction) CqlParser.parse(
        "CREATE FUNCTION IF NOT EXISTS f() CALLED ON NULL INPUT RETURNS text DETERMINISTIC MONOTONIC "
            + "LANGUAGE JavaScript AS 'return ''x'';'");
    assertThat(f.ifNotExists()).isTrue();
    assertThat(f.calledOnNullInput()).isTrue();
    assertThat(f.language()).isEqualTo("javascript");
    assertThat(f.body()).isEqualTo("return 'x';");
    assertThat(f.deterministic()).isTrue();
    assertThat(f.monotonic()).isTrue();
  }

  @Test
  void should_parse_drop_function_with_and_without_signature() {
    assertThat(CqlParser.parse("DROP FUNCTION ks.f"))
        .isEqualTo(new Statement.DropFunction(name("ks", "f"), false, null, List.of()));
    assertThat(CqlParser.parse("DROP FUNCTION IF EXISTS f(int, list<text>)"))
        .isEqualTo(new Statement.DropFunction(name("f"), true,
            List.of(type("int"), new TypeExpr.Collection("list", type("text"))), List.of()));
    assertThat(CqlParser.parse("DROP FUNCTION f()"))
        .isEqualTo(new Statement.DropFunction(name("f"), false, List.of(), List.of()));
  }

  @Test
  void should_parse_aggregates() {
    assertThat(CqlParser.parse("CREATE AGGREGATE IF NOT EXISTS ks.total(int) SFUNC plus STYPE int FINALFUNC done INITCOND 0"))
        .isEqualTo(new Statement.CreateAggregate(name("ks", "total"), false, true, List.of(type("int")), "plus",
            type("int"), "done", integer("0"), List.of()));
    assertThat(CqlParser.parse("CREATE OR REPLACE AGGREGATE a(int) SFUNC s STYPE tuple<int, int>"))
        .isEqualTo(new Statement.CreateAggregate(name("a"), true, false, List.of(type("int")), "s",
            new TypeExpr.Tuple(List.of(type("int"), type("int"))), null, null, List.of()));
    assertThat(CqlParser.parse("DROP AGGREGATE IF EXISTS a(int)"))
        .isEqualTo(new Statement.DropAggregate(name("a"), true, List.of(type("int")), List.of()));
  }
}
