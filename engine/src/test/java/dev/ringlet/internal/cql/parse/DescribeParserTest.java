package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeParserTest {

  private static Statement.Describe describe(String cql) {
    return (Statement.Describe) CqlParser.parse(cql);
  }

  private static Statement.Describe expected(String kind, QualifiedName name) {
    return new Statement.Describe(kind, name, false, false, List.of());
  }

  @Test
  void should_parse_listing_forms() {
    assertThat(describe("DESCRIBE KEYSPACES")).isEqualTo(expected("KEYSPACES", null));
    assertThat(describe("DESC TABLES;")).isEqualTo(expected("TABLES", null));
    assertThat(describe("describe types")).isEqualTo(expected("TYPES", null));
    assertThat(describe("DESCRIBE FUNCTIONS")).isEqualTo(expected("FUNCTIONS", null));
    assertThat(describe("DESCRIBE AGGREGATES")).isEqualTo(expected("AGGREGATES", null));
    assertThat(describe("DESCRIBE CLUSTER")).isEqualTo(expected("CLUSTER", null));
    assertThat(describe("DESCRIBE SCHEMA")).isEqualTo(expected("SCHEMA", null));
    assertThat(describe("DESCRIBE FULL SCHEMA WITH INTERNALS"))
        .isEqualTo(new Statement.Describe("FULL SCHEMA", null, false, true, List.of()));
  }

  @Test
  void should_parse_element_forms() {
    assertThat(describe("DESCRIBE KEYSPACE")).isEqualTo(expected("KEYSPACE", null));
    assertThat(describe("DESCRIBE ONLY KEYSPACE ks"))
        .isEqualTo(new Statement.Describe("KEYSPACE", name("ks"), true, false, List.of()));
    assertThat(describe("DESCRIBE TABLE ks.t")).isEqualTo(expected("TABLE", name("ks", "t")));
    assertThat(describe("DESCRIBE COLUMNFAMILY t")).isEqualTo(expected("TABLE", name("t")));
    assertThat(describe("DESCRIBE TYPE ks.addr")).isEqualTo(expected("TYPE", name("ks", "addr")));
    assertThat(describe("DESCRIBE FUNCTION ks.f")).isEqualTo(expected("FUNCTION", name("ks", "f")));
    assertThat(describe("DESCRIBE AGGREGATE a")).isEqualTo(expected("AGGREGATE", name("a")));
    assertThat(describe("DESCRIBE INDEX ks.i")).isEqualTo(expected("INDEX", name("ks", "i")));
    assertThat(describe("DESCRIBE MATERIALIZED VIEW v")).isEqualTo(expected("MATERIALIZED VIEW", name("v")));
  }

  @Test
  void should_parse_bare_names_including_unreserved_keywords() {
    assertThat(describe("DESCRIBE ks.t")).isEqualTo(expected("NAME", name("ks", "t")));
    assertThat(describe("DESC ks")).isEqualTo(expected("NAME", name("ks")));
    assertThat(describe("DESC type")).isEqualTo(expected("NAME", name("type")));
  }
}
