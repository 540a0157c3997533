package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The pure arithmetic of some functions, on values Cassandra 5.0 was recorded answering. */
class PureFunctionsTest {

  @Test
  void should_compute_decimal_exp_and_log_to_32_significant_digits() {
    MathContext digits = new MathContext(32);

    assertThat(DecimalMath.exp(new BigDecimal("2.5"), digits)).hasToString("12.182493960703473438070175951168");
    assertThat(DecimalMath.ln(new BigDecimal("2.5"), digits)).hasToString("0.91629073187415506518352721176801");
    assertThat(DecimalMath.log10(new BigDecimal("2.5"), digits)).hasToString("0.39794000867203760957252221055101");
  }

  @Test
  void should_give_arithmetic_results_cassandra_types() {
    assertThat(Operations.resultType(NativeType.TINYINT, NativeType.TINYINT)).isEqualTo(NativeType.TINYINT);
    assertThat(Operations.resultType(NativeType.INT, NativeType.SMALLINT)).isEqualTo(NativeType.INT);
    assertThat(Operations.resultType(NativeType.INT, NativeType.FLOAT)).isEqualTo(NativeType.FLOAT);
    assertThat(Operations.resultType(NativeType.BIGINT, NativeType.FLOAT)).isEqualTo(NativeType.DOUBLE);
    assertThat(Operations.resultType(NativeType.VARINT, NativeType.BIGINT)).isEqualTo(NativeType.VARINT);
    assertThat(Operations.resultType(NativeType.VARINT, NativeType.DECIMAL)).isEqualTo(NativeType.DECIMAL);
  }

  @Test
  void should_mask_the_inner_and_outer_parts_of_a_string() {
    assertThat(MaskingFunctions.maskInner("Alice Smith", 1, 2, '*')).isEqualTo("A********th");
    assertThat(MaskingFunctions.maskInner("Alice Smith", 20, 20, '*')).isEqualTo("Alice Smith");
    assertThat(MaskingFunctions.maskOuter("Alice Smith", 2, 1, '#')).isEqualTo("##ice Smit#");
    assertThat(MaskingFunctions.maskOuter("Alice Smith", 20, 20, '*')).isEqualTo("***********");
  }

  @Test
  void should_score_vector_similarities_in_the_unit_interval() {
    float[] v = {1, 2, 3};
    float[] w = {4, 5, 6};

    assertThat(VectorFunctions.cosine(v, w)).isEqualTo(0.9873159f);
    assertThat(VectorFunctions.euclidean(v, w)).isEqualTo(0.035714287f);
    assertThat(VectorFunctions.dot(v, w)).isEqualTo(16.5f);
  }
}
