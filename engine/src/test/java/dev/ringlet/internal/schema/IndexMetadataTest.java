package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexMetadataTest {

  @Test
  void should_write_and_read_targets_as_cassandra_stores_them() {
    assertThat(IndexMetadata.target("email", IndexMetadata.TargetType.SIMPLE)).isEqualTo("email");
    assertThat(IndexMetadata.target("attrs", IndexMetadata.TargetType.KEYS)).isEqualTo("keys(attrs)");
    assertThat(IndexMetadata.target("Mixed", IndexMetadata.TargetType.VALUES)).isEqualTo("values(\"Mixed\")");

    IndexMetadata quoted = new IndexMetadata("i", IndexMetadata.Kind.COMPOSITES, Map.of("target", "entries(\"Mi\"\"xed\")"));
    assertThat(quoted.column()).isEqualTo("Mi\"xed");
    assertThat(quoted.targetType()).isEqualTo(IndexMetadata.TargetType.ENTRIES);
    assertThat(quoted.isSai()).isFalse();
  }

  @Test
  void should_recognise_every_spelling_of_sai() {
    for (String name : new String[] {"sai", "SAI", "StorageAttachedIndex", "storageattachedindex", IndexMetadata.SAI_CLASS}) {
      IndexMetadata i = new IndexMetadata("i", IndexMetadata.Kind.CUSTOM, Map.of("target", "v", "class_name", name));
      assertThat(i.isSai()).as(name).isTrue();
    }
    assertThat(IndexMetadata.isSaiClass("org.apache.cassandra.index.sasi.SASIIndex")).isFalse();
    IndexMetadata withOptions = new IndexMetadata("i", IndexMetadata.Kind.CUSTOM,
        Map.of("target", "v", "class_name", "sai", "case_sensitive", "false"));
    assertThat(withOptions.userOptions()).containsOnlyKeys("case_sensitive");
  }
}
