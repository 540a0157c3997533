package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorSimilarityTest {

  @Test
  void should_score_like_cassandra_similarity_functions() {
    float[] q = {1f, 1f};
    // Values recorded from Cassandra 5.0 (golden indexes_vector).
    assertThat(VectorSimilarity.EUCLIDEAN.score(new float[] {2f, 0.5f}, q)).isEqualTo(0.44444445f);
    assertThat(VectorSimilarity.DOT_PRODUCT.score(new float[] {3f, 3f}, q)).isEqualTo(3.5f);
    assertThat(VectorSimilarity.COSINE.score(new float[] {1f, 0f, 0f}, new float[] {1f, 0f, 0f})).isEqualTo(1.0f);
    assertThat(VectorSimilarity.COSINE.score(new float[] {0.5f, 0.5f, 0f}, new float[] {1f, 0f, 0f})).isEqualTo(0.8535534f);
    assertThat(VectorSimilarity.isZero(new float[] {0f, 0f})).isTrue();
  }
}
