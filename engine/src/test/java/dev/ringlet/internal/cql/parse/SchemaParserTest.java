package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.bool;
import static dev.ringlet.internal.cql.parse.Ast.integer;
import static dev.ringlet.internal.cql.parse.Ast.name;
import static dev.ringlet.internal.cql.parse.Ast.str;
import static dev.ringlet.internal.cql.parse.Ast.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.ColumnDefinition;
import dev.ringlet.internal.cql.ast.MaskExpr;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Statement.AlterTableAction;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaParserTest {

  private static Properties props(Object... keyValues) {
    Map<String, Term> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) map.put((String) keyValues[i], (Term) keyValues[i + 1]);
    return new Properties(map);
  }

  private static Term.MapLiteral map(Term... keyValues) {
    List<Term> keys = new java.util.ArrayList<>();
    List<Term> values = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      keys.add(keyValues[i]);
      values.add(keyValues[i + 1]);
    }
    return new Term.MapLiteral(keys, values);
  }

  @Test
  void should_parse_keyspace_statements() {
    assertThat(CqlParser.parse("CREATE KEYSPACE IF NOT EXISTS ks WITH replication = "
            + "{'class': 'SimpleStrategy', 'replication_factor': 1} AND durable_writes = false"))
        .isEqualTo(new Statement.CreateKeyspace("ks", true,
            props("replication", map(str("class"), str("SimpleStrategy"), str("replication_factor"), integer("1")),
                "durable_writes", bool("false")),
            List.of()));
    assertThat(CqlParser.parse("ALTER KEYSPACE \"Ks\" WITH durable_writes = true"))
        .isEqualTo(new Statement.AlterKeyspace("Ks", false, props("durable_writes", bool("true")), List.of()));
    assertThat(CqlParser.parse("DROP KEYSPACE IF EXISTS ks")).isEqualTo(new Statement.DropKeyspace("ks", true, List.of()));
    assertThat(CqlParser.parse("USE \"MyKs\"")).isEqualTo(new Statement.Use("MyKs", List.of()));
  }

  @Test
  void should_refuse_repeated_property_with_cassandra_wording() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE KEYSPACE ks WITH durable_writes = true AND DURABLE_WRITES = false"))
        .hasMessage("Multiple definition for property 'durable_writes'");
  }

  @Test
  void should_refuse_non_constant_entries_in_property_maps() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE KEYSPACE ks WITH replication = {'class': ?}"))
        .hasMessage("Invalid property value: ? for property: 'class' (bind variables are not supported in DDL queries)");
    assertThatThrownBy(() -> CqlParser.parse("CREATE KEYSPACE ks WITH replication = {?: 'x'}"))
        .hasMessage("Invalid property name: ? (bind variables are not supported in DDL queries)");
    assertThatThrownBy(() -> CqlParser.parse("CREATE KEYSPACE ks WITH replication = {'a': 1, 'a': 2}"))
        .hasMessage("Multiple definition for property a");
  }

  @Test
  void should_parse_create_table_with_inline_primary_key() {
    assertThat(CqlParser.parse("CREATE TABLE t (k int PRIMARY KEY, v text)"))
        .isEqualTo(new Statement.CreateTable(name("t"), false,
            List.of(new ColumnDefinition("k", type("int"), false, true), new ColumnDefinition("v", type("text"), false, false)),
            List.of("k"), List.of(), List.of(), false, Properties.NONE, List.of()));
  }

  @Test
  void should_parse_create_table_with_compound_key_and_options() {
    Statement.CreateTable t = (Statement.CreateTable) CqlParser.parse(
        "CREATE TABLE IF NOT EXISTS ks.t (a int, b int, c text, s int static, m map<text, frozen<list<int>>>, "
            + "PRIMARY KEY ((a, b), c)) WITH CLUSTERING ORDER BY (c DESC) AND COMPACT STORAGE "
            + "AND compaction = {'class': 'LeveledCompactionStrategy'} AND comment = 'x'");
    assertThat(t.ifNotExists()).isTrue();
    assertThat(t.partitionKey()).containsExactly("a", "b");
    assertThat(t.clusteringColumns()).containsExactly("c");
    assertThat(t.clusteringOrder()).containsExactly(new Ordering("c", true, null));
    assertThat(t.compactStorage()).isTrue();
    assertThat(t.columns().get(3)).isEqualTo(new ColumnDefinition("s", type("int"), true, false));
    assertThat(t.columns().get(4).type()).isEqualTo(new TypeExpr.MapOf(type("text"),
        new TypeExpr.Frozen(new TypeExpr.Collection("list", type("int")))));
    assertThat(t.properties()).isEqualTo(props(
        "compaction", map(str("class"), str("LeveledCompactionStrategy")), "comment", str("x")));
  }

  @Test
  void should_require_direction_when_declaring_clustering_order() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE TABLE t (k int, c int, PRIMARY KEY (k, c)) WITH CLUSTERING ORDER BY (c)"))
        .hasMessage("line 1:77 no viable alternative at input ')' (...WITH CLUSTERING ORDER BY (c[)])");
  }

  @Test
  void should_refuse_compact_storage_when_creating_a_view() {
    assertThatThrownBy(() -> CqlParser.parse(
            "CREATE MATERIALIZED VIEW v AS SELECT * FROM t PRIMARY KEY (k) WITH COMPACT STORAGE"))
        .hasMessage("COMPACT STORAGE tables are not allowed starting with version 4.0");
  }

  @Test
  void should_refuse_altering_field_types() {
    assertThatThrownBy(() -> CqlParser.parse("ALTER TYPE addr ALTER zip TYPE text"))
        .hasMessage("Altering field types is no longer supported");
  }

  @Test
  void should_tolerate_trailing_comma_but_not_empty_definitions() {
    assertThat(((Statement.CreateTable) CqlParser.parse("CREATE TABLE t (k int, PRIMARY KEY (k),)")).partitionKey())
        .containsExactly("k");
    assertThat(((Statement.CreateType) CqlParser.parse("CREATE TYPE u (a int,)")).fieldNames()).containsExactly("a");
    assertThatThrownBy(() -> CqlParser.parse("CREATE TABLE t ()")).hasMessageStartingWith("line 1:16 no viable alternative at input ')'");
    assertThatThrownBy(() -> CqlParser.parse("CREATE TYPE u ()")).hasMessageStartingWith("line 1:15 no viable alternative at input ')'");
  }

  @Test
  void should_parse_every_type_form() {
    Statement.CreateType t = (Statement.CreateType) CqlParser.parse(
        "CREATE TYPE ks.addr (a tuple<int, text>, b vector<float, 3>, c set<uuid>, d ks.other, e 'org.Custom')");
    assertThat(t.fieldTypes()).containsExactly(
        new TypeExpr.Tuple(List.of(type("int"), type("text"))),
        new TypeExpr.Vector(type("float"), 3),
        new TypeExpr.Collection("set", type("uuid")),
        new TypeExpr.UserDefined(name("ks", "other")),
        new TypeExpr.Custom("org.Custom"));
  }

  @Test
  void should_parse_alter_table_actions() {
    assertThat(alter("ADD v int")).isEqualTo(new AlterTableAction.Add(List.of(new ColumnDefinition("v", type("int"), false, false)), false));
    assertThat(alter("ADD IF NOT EXISTS (a int, b text static)")).isEqualTo(new AlterTableAction.Add(List.of(
        new ColumnDefinition("a", type("int"), false, false), new ColumnDefinition("b", type("text"), true, false)), true));
    assertThat(alter("DROP v")).isEqualTo(new AlterTableAction.Drop(List.of("v"), false, null));
    assertThat(alter("DROP IF EXISTS (a, b) USING TIMESTAMP 42"))
        .isEqualTo(new AlterTableAction.Drop(List.of("a", "b"), true, integer("42")));
    assertThat(alter("RENAME a TO b AND c TO d")).isEqualTo(new AlterTableAction.Rename(List.of("a", "c"), List.of("b", "d"), false));
    assertThat(alter("WITH comment = 'c'")).isEqualTo(new AlterTableAction.With(props("comment", str("c"))));
    assertThat(alter("ALTER v TYPE blob")).isEqualTo(new AlterTableAction.AlterType("v", type("blob")));
  }

  @Test
  void should_parse_column_masks() {
    Statement.CreateTable t = (Statement.CreateTable) CqlParser.parse("CREATE TABLE ks.t (k int MASKED WITH DEFAULT"
        + " PRIMARY KEY, s text static MASKED WITH ks.f(), v text MASKED WITH mask_inner(1, null))");
    MaskExpr deflt = new MaskExpr(name("system", "mask_default"), List.of());
    assertThat(t.columns()).containsExactly(
        new ColumnDefinition("k", type("int"), false, true, deflt),
        new ColumnDefinition("s", type("text"), true, false, new MaskExpr(name("ks", "f"), List.of())),
        new ColumnDefinition("v", type("text"), false, false,
            new MaskExpr(name("mask_inner"), List.of(integer("1"), new Term.Null()))));
    assertThat(alter("ALTER v MASKED WITH mask_replace('x')"))
        .isEqualTo(new AlterTableAction.Mask("v", false, new MaskExpr(name("mask_replace"), List.of(str("x")))));
    assertThat(alter("ALTER IF EXISTS v DROP MASKED")).isEqualTo(new AlterTableAction.Mask("v", true, null));
    assertThat(alter("ADD v int MASKED WITH DEFAULT"))
        .isEqualTo(new AlterTableAction.Add(List.of(new ColumnDefinition("v", type("int"), false, false, deflt)), false));
  }

  private static AlterTableAction alter(String action) {
    return ((Statement.AlterTable) CqlParser.parse("ALTER TABLE ks.t " + action)).action();
  }

  @Test
  void should_parse_drop_and_truncate() {
    assertThat(CqlParser.parse("DROP TABLE IF EXISTS ks.t")).isEqualTo(new Statement.DropTable(name("ks", "t"), true, List.of()));
    assertThat(CqlParser.parse("TRUNCATE TABLE t")).isEqualTo(new Statement.Truncate(name("t"), List.of()));
    assertThat(CqlParser.parse("TRUNCATE ks.t")).isEqualTo(new Statement.Truncate(name("ks", "t"), List.of()));
    assertThat(CqlParser.parse("DROP TYPE IF EXISTS ks.addr")).isEqualTo(new Statement.DropType(name("ks", "addr"), true, List.of()));
  }

  @Test
  void should_parse_alter_type() {
    assertThat(CqlParser.parse("ALTER TYPE addr ADD IF NOT EXISTS zip int"))
        .isEqualTo(new Statement.AlterType(name("addr"), false, "zip", type("int"), true, null, null, List.of()));
    assertThat(CqlParser.parse("ALTER TYPE IF EXISTS addr RENAME a TO b AND c TO d"))
        .isEqualTo(new Statement.AlterType(name("addr"), true, null, null, false, List.of("a", "c"), List.of("b", "d"), List.of()));
  }

  @Test
  void should_parse_create_index_targets() {
    assertThat(CqlParser.parse("CREATE INDEX ON t (v)"))
        .isEqualTo(new Statement.CreateIndex(null, name("t"), "v", "SIMPLE", false, false, null, Properties.NONE, List.of()));
    assertThat(index("keys(m)").targetKind()).isEqualTo("KEYS");
    assertThat(index("values(m)").targetKind()).isEqualTo("VALUES");
    assertThat(index("entries(m)").targetKind()).isEqualTo("ENTRIES");
    assertThat(index("full(l)").targetKind()).isEqualTo("FULL");
    assertThat(CqlParser.parse("CREATE CUSTOM INDEX IF NOT EXISTS idx ON ks.t (v) USING 'sai' WITH OPTIONS = {'case_sensitive': 'false'}"))
        .isEqualTo(new Statement.CreateIndex("idx", name("ks", "t"), "v", "SIMPLE", true, true, "sai",
            props("options", map(str("case_sensitive"), str("false"))), List.of()));
    assertThat(CqlParser.parse("DROP INDEX IF EXISTS ks.idx")).isEqualTo(new Statement.DropIndex(name("ks", "idx"), true, List.of()));
  }

  private static Statement.CreateIndex index(String target) {
    return (Statement.CreateIndex) CqlParser.parse("CREATE INDEX i ON t (" + target + ") USING 'StorageAttachedIndex'");
  }

  @Test
  void should_parse_materialized_view_statements() {
    assertThat(CqlParser.parse("CREATE MATERIALIZED VIEW IF NOT EXISTS ks.v AS SELECT a, b FROM ks.t "
            + "WHERE a IS NOT NULL AND b IS NOT NULL PRIMARY KEY (b, a) WITH CLUSTERING ORDER BY (a ASC) AND comment = 'c'"))
        .isEqualTo(new Statement.CreateMaterializedView(name("ks", "v"), true, name("ks", "t"),
            List.of(new Selector.Aliased(new Selector.Column("a"), null), new Selector.Aliased(new Selector.Column("b"), null)),
            List.of(new Relation.Single("a", Operator.IS_NOT, new Term.Null(), null),
                new Relation.Single("b", Operator.IS_NOT, new Term.Null(), null)),
            List.of("b"), List.of("a"), List.of(new Ordering("a", false, null)), props("comment", str("c")), List.of()));
    assertThat(CqlParser.parse("ALTER MATERIALIZED VIEW v WITH comment = 'd'"))
        .isEqualTo(new Statement.AlterMaterializedView(name("v"), false, props("comment", str("d")), List.of()));
    assertThat(CqlParser.parse("DROP MATERIALIZED VIEW IF EXISTS v"))
        .isEqualTo(new Statement.DropMaterializedView(name("v"), true, List.of()));
  }
}
