package dev.ringlet.internal.exec.select;

/**
 * The similarity functions of SAI vector indexes, as scores where higher is closer (the same
 * scores as the {@code similarity_*} CQL functions): cosine {@code (1 + cos) / 2}, euclidean
 * {@code 1 / (1 + d²)}, dot product {@code (1 + a·b) / 2}.
 */
enum VectorSimilarity {
  COSINE {
    @Override
    float score(float[] a, float[] b) {
      float dot = 0;
      float normA = 0;
      float normB = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        normA += a[i] * a[i];
        normB += b[i] * b[i];
      }
      float cos = (float) (dot / Math.sqrt((double) normA * (double) normB));
      return (1 + cos) / 2;
    }
  },
  EUCLIDEAN {
    @Override
    float score(float[] a, float[] b) {
      float sum = 0;
      for (int i = 0; i < a.length; i++) {
        float d = a[i] - b[i];
        sum += d * d;
      }
      return 1 / (1 + sum);
    }
  },
  DOT_PRODUCT {
    @Override
    float score(float[] a, float[] b) {
      float sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += a[i] * b[i];
      }
      return (1 + sum) / 2;
    }
  };

  abstract float score(float[] a, float[] b);

  /** A vector cosine cannot measure: all components zero. */
  static boolean isZero(float[] v) {
    for (float f : v) {
      if (f != 0) {
        return false;
      }
    }
    return true;
  }

  /** The float components of a serialized {@code vector<float, n>}. */
  static float[] floats(java.nio.ByteBuffer value, int dimension) {
    java.nio.ByteBuffer b = value.duplicate();
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }
}
