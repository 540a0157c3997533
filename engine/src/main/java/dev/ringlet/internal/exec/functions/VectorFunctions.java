package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.VectorType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The vector similarity functions of Cassandra 5.0, on two float vectors of one dimension, as
 * scores in [0, 1] like the vector index's: cosine {@code (1 + cos) / 2} (all-zero vectors
 * refused), euclidean {@code 1 / (1 + squared distance)}, dot product {@code (1 + dot) / 2}.
 */
final class VectorFunctions {

  private VectorFunctions() {}

  private interface Score {
    float of(float[] a, float[] b);
  }

  static List<FunctionFactory> factories() {
    return List.of(
        factory("similarity_cosine", VectorFunctions::cosine),
        factory("similarity_euclidean", VectorFunctions::euclidean),
        factory("similarity_dot_product", VectorFunctions::dot));
  }

  private static FunctionFactory factory(String name, Score score) {
    return new FunctionFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public NativeFunction resolve(List<FunctionArg> args, CqlType receiver) {
        if (args.size() != 2) {
          throw CqlException.invalid("Invalid number of arguments for function system." + name
              + "(vector<float, n>, vector<float, n>)");
        }
        int dimension = -1;
        for (FunctionArg a : args) {
          int d;
          if (a.isTyped()) {
            if (!(a.type() instanceof VectorType vt) || vt.element() != NativeType.FLOAT) {
              throw CqlException.invalid("Function system." + name + " requires a float vector argument, but found argument "
                  + a.text() + " of type " + a.type().cql());
            }
            d = vt.dimension();
          } else if (a.literalSize() >= 0) {
            d = a.literalSize();
          } else {
            continue;
          }
          if (dimension >= 0 && d != dimension) {
            throw CqlException.invalid("All arguments must have the same vector dimensions");
          }
          dimension = d;
        }
        if (dimension < 0) {
          throw CqlException.invalid("Cannot infer type of argument " + args.get(0).text() + " in call to function system." + name);
        }
        VectorType type = new VectorType(NativeType.FLOAT, dimension);
        return new NativeFunction.Scalar(name, List.of(type, type), NativeType.FLOAT, true, values -> {
          float[] a = floats(type, values.get(0));
          float[] b = floats(type, values.get(1));
          if (name.equals("similarity_cosine") && (allZero(a) || allZero(b))) {
            throw CqlException.invalid("Function system.similarity_cosine doesn't support all-zero vectors.");
          }
          return NativeType.FLOAT.encode(score.of(a, b));
        });
      }
    };
  }

  private static float[] floats(VectorType type, ByteBuffer value) {
    List<ByteBuffer> parts = type.split(value);
    float[] out = new float[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parts.get(i).getFloat(parts.get(i).position());
    }
    return out;
  }

  private static boolean allZero(float[] v) {
    for (float f : v) {
      if (f != 0) {
        return false;
      }
    }
    return true;
  }

  static float cosine(float[] a, float[] b) {
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

  static float euclidean(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      float d = a[i] - b[i];
      sum += d * d;
    }
    return 1 / (1 + sum);
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return (1 + sum) / 2;
  }
}
