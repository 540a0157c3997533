package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexSupportTest {

  private static final ColumnMetadata K = new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
  private static final ColumnMetadata C = new ColumnMetadata("c", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 0, false);
  private static final ColumnMetadata V = new ColumnMetadata("v", NativeType.INT, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final ColumnMetadata W = new ColumnMetadata("w", NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final ColumnMetadata TAGS =
      new ColumnMetadata("tags", new SetType(NativeType.TEXT, false), ColumnMetadata.Kind.REGULAR, -1, false);

  private static TableMetadata table(IndexMetadata... indexes) {
    TableMetadata t = new TableMetadata("ks", "t", UUID.randomUUID(), List.of(K), List.of(C), List.of(V, W, TAGS),
        TableParams.defaults(), false, false);
    Map<String, IndexMetadata> byName = new java.util.TreeMap<>();
    for (IndexMetadata i : indexes) {
      byName.put(i.name(), i);
    }
    return t.withIndexes(byName);
  }

  private static IndexMetadata legacy(String target) {
    return new IndexMetadata("l_" + target.replaceAll("\\W", ""), IndexMetadata.Kind.COMPOSITES, Map.of("target", target));
  }

  private static IndexMetadata sai(String target) {
    return new IndexMetadata("s_" + target.replaceAll("\\W", ""), IndexMetadata.Kind.CUSTOM,
        Map.of("target", target, "class_name", "StorageAttachedIndex"));
  }

  private static Relation.Single rel(String column, Operator op, String value) {
    return new Relation.Single(column, op, new Term.Constant(dev.ringlet.internal.types.LiteralKind.INTEGER, value), null);
  }

  @Test
  void should_serve_one_equality_per_query_with_legacy_indexes() {
    TableMetadata t = table(legacy("v"), legacy("c"), legacy("values(tags)"));
    Relation v = rel("v", Operator.EQ, "1");
    Relation c = rel("c", Operator.EQ, "1");
    assertThat(IndexSupport.served(t, List.of(v, c))).hasSize(1);
    assertThat(IndexSupport.served(t, List.of(rel("v", Operator.GT, "1")))).isEmpty();
    assertThat(IndexSupport.served(t, List.of(rel("v", Operator.IN, "1")))).isEmpty();
    assertThat(IndexSupport.supports(t, legacy("values(tags)"), rel("tags", Operator.CONTAINS, "1"))).isTrue();
    assertThat(IndexSupport.supports(t, legacy("values(tags)"), rel("tags", Operator.CONTAINS_KEY, "1"))).isFalse();
  }

  @Test
  void should_serve_every_supported_relation_with_the_sai_group_and_ranges_on_non_text() {
    TableMetadata t = table(sai("v"), sai("c"), sai("w"));
    Relation range = rel("v", Operator.GT, "1");
    Relation c = rel("c", Operator.EQ, "1");
    assertThat(IndexSupport.served(t, List.of(range, c))).containsExactlyInAnyOrder(range, c);
    assertThat(IndexSupport.served(t, List.of(rel("w", Operator.GT, "1")))).isEmpty();
  }

  @Test
  void should_treat_clustering_relations_as_key_relations_once_the_partition_is_known() {
    TableMetadata t = table(sai("c"));
    Relation k = rel("k", Operator.EQ, "1");
    Relation c = rel("c", Operator.GT, "1");
    assertThat(IndexSupport.candidates(t, List.of(k, c))).isEmpty();
    assertThat(IndexSupport.candidates(t, List.of(c))).containsExactly(c);
  }
}
