package dev.ringlet.internal.exec.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.TypeExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types as 5.0's raw types print themselves in CREATE AGGREGATE messages (recorded in functions_udf_collections). */
class AggregateRawTypesTest {

  private static final TypeExpr INT = new TypeExpr.Native("int");
  private static final TypeExpr ADDR = new TypeExpr.UserDefined(new QualifiedName(null, "addr"));

  @Test
  void should_print_a_frozen_tuple_or_vector_without_frozen() {
    assertThat(FunctionDdl.rawText(new TypeExpr.Frozen(new TypeExpr.Tuple(List.of(INT, INT))), "ks"))
        .isEqualTo("tuple<int, int>");
    assertThat(FunctionDdl.rawText(new TypeExpr.Frozen(new TypeExpr.Vector(INT, 2)), "ks")).isEqualTo("vector<int, 2>");
  }

  @Test
  void should_keep_frozen_on_collections_and_user_types_and_qualify_user_types() {
    assertThat(FunctionDdl.rawText(new TypeExpr.Collection("list", new TypeExpr.Frozen(ADDR)), "ks"))
        .isEqualTo("list<frozen<ks.addr>>");
    assertThat(FunctionDdl.rawText(new TypeExpr.MapOf(new TypeExpr.Native("varchar"),
        new TypeExpr.Frozen(new TypeExpr.Collection("list", INT))), "ks"))
        .isEqualTo("map<varchar, frozen<list<int>>>");
    assertThat(FunctionDdl.rawText(new TypeExpr.Frozen(new TypeExpr.Tuple(List.of(INT, new TypeExpr.Frozen(ADDR)))),
        "ks")).isEqualTo("tuple<int, frozen<ks.addr>>");
    assertThat(FunctionDdl.rawText(new TypeExpr.UserDefined(new QualifiedName("other", "addr")), "ks"))
        .isEqualTo("other.addr");
  }

  @Test
  void should_print_a_quoted_class_with_its_package() {
    assertThat(FunctionDdl.rawText(new TypeExpr.Custom("org.apache.cassandra.db.marshal.LexicalUUIDType"), "ks"))
        .isEqualTo("'org.apache.cassandra.db.marshal.LexicalUUIDType'");
    assertThat(FunctionDdl.rawText(new TypeExpr.Custom("Int32Type"), "ks"))
        .isEqualTo("'org.apache.cassandra.db.marshal.Int32Type'");
  }
}
