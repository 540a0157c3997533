package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/** The native aggregates {@code count}, {@code min}, {@code max}, {@code sum}, {@code avg}. */
final class Aggregates {

  private Aggregates() {}

  static Output.Accumulator countRows() {
    return new Output.Accumulator() {
      long count;

      @Override
      public void add(RowAccess row) {
        count++;
      }

      @Override
      public ByteBuffer result() {
        return NativeType.BIGINT.encode(count);
      }
    };
  }

  static Output.Accumulator count(ColumnMetadata column) {
    return new Output.Accumulator() {
      long count;

      @Override
      public void add(RowAccess row) {
        if (row.value(column) != null) {
          count++;
        }
      }

      @Override
      public ByteBuffer result() {
        return NativeType.BIGINT.encode(count);
      }
    };
  }

  static Output.Accumulator minMax(ColumnMetadata column, boolean max) {
    CqlType type = column.type();
    return new Output.Accumulator() {
      ByteBuffer best;

      @Override
      public void add(RowAccess row) {
        ByteBuffer v = row.value(column);
        if (v == null) {
          return;
        }
        if (best == null || (max ? type.compare(v, best) > 0 : type.compare(v, best) < 0)) {
          best = v;
        }
      }

      @Override
      public ByteBuffer result() {
        return best;
      }
    };
  }

  /** Sum or average with Cassandra's result type: the argument's own type. */
  static Output.Accumulator sumOrAvg(ColumnMetadata column, boolean avg) {
    CqlType type = column.type();
    if (!(type instanceof NativeType nt) || !isNumeric(nt)) {
      throw CqlException.invalid("Invalid call to function " + (avg ? "avg" : "sum")
          + ", none of its type signatures match (known type signatures: system." + (avg ? "avg" : "sum") + " : (tinyint) -> tinyint, ...)");
    }
    return new Output.Accumulator() {
      BigDecimal decimalSum = BigDecimal.ZERO;
      double doubleSum;
      long count;

      @Override
      public void add(RowAccess row) {
        ByteBuffer v = row.value(column);
        if (v == null || v.remaining() == 0) {
          return;
        }
        Object o = type.decode(v);
        count++;
        if (nt == NativeType.FLOAT || nt == NativeType.DOUBLE) {
          doubleSum += ((Number) o).doubleValue();
        } else if (o instanceof BigDecimal d) {
          decimalSum = decimalSum.add(d);
        } else if (o instanceof BigInteger i) {
          decimalSum = decimalSum.add(new BigDecimal(i));
        } else {
          decimalSum = decimalSum.add(BigDecimal.valueOf(((Number) o).longValue()));
        }
      }

      @Override
      public ByteBuffer result() {
        switch (nt) {
          case FLOAT:
            return type.encode((float) (avg ? (count == 0 ? 0 : doubleSum / count) : doubleSum));
          case DOUBLE:
            return type.encode(avg ? (count == 0 ? 0 : doubleSum / count) : doubleSum);
          case DECIMAL:
            return type.encode(avg ? (count == 0 ? BigDecimal.ZERO : decimalSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128)) : decimalSum);
          case VARINT:
            return type.encode(avg ? (count == 0 ? BigInteger.ZERO : decimalSum.toBigInteger().divide(BigInteger.valueOf(count))) : decimalSum.toBigInteger());
          default:
            long total = avg ? (count == 0 ? 0 : decimalSum.divide(BigDecimal.valueOf(count), 0, RoundingMode.DOWN).longValue()) : decimalSum.longValue();
            switch (nt) {
              case TINYINT:
                return type.encode((byte) total);
              case SMALLINT:
                return type.encode((short) total);
              case INT:
                return type.encode((int) total);
              default:
                return type.encode(total);
            }
        }
      }
    };
  }

  private static boolean isNumeric(NativeType t) {
    switch (t) {
      case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER: case FLOAT: case DOUBLE: case DECIMAL: case VARINT:
        return true;
      default:
        return false;
    }
  }
}
