package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * One LWT condition {@code IF col op value} ({@code IN}, {@code CONTAINS}, {@code CONTAINS KEY}) on
 * a column's current value, or on one of its elements or fields ({@code IF m[k] = v}, {@code IF l[i] = v},
 * {@code IF u.f = v}): {@code element} then picks the compared value out of the column's, compared in
 * type {@code type}. Evaluated as 5.0's {@code ColumnCondition} bounds are: a non-frozen collection
 * compared as a whole (5.0's {@code MultiCellCollectionBound}) has rules of its own for null, unset and
 * empty values; everything else compares one value at a time ({@code compareWithOperator}).
 */
public record ConditionCheck(ColumnMetadata column, Operator operator, Values values, CqlType type,
    ElementAccess element) {

  /** The values compared with, bound for one execution (several for {@code IN}). */
  @FunctionalInterface
  interface Values {
    List<ByteBuffer> bind(BoundValues values);
  }

  /**
   * Picks an element or field out of a column's value: {@code key} binds the element (map key or
   * list index; null for a field), {@code picker} takes the column's value (null when the column
   * is) and that key to the element, null when absent.
   */
  record ElementAccess(BoundTerm key, BinaryOperator<ByteBuffer> picker) {

    ByteBuffer key(BoundValues values) {
      return key == null ? null : key.bind(values);
    }

    ByteBuffer get(ByteBuffer columnValue, ByteBuffer boundKey) {
      return picker.apply(columnValue, boundKey);
    }
  }

  /** A condition on a whole column: its type is the column's. */
  static ConditionCheck onColumn(ColumnMetadata column, Operator operator, Values values) {
    return new ConditionCheck(column, operator, values, column.type(), null);
  }

  /**
   * 5.0's bind step, which runs for every condition of the request before any is evaluated: an
   * {@code IN ?} list must not be null or unset; unset values drop out of IN lists.
   */
  public Bound bind(BoundValues bound) {
    List<ByteBuffer> compared = values.bind(bound);
    return new Bound(this, compared, element == null ? null : element.key(bound));
  }

  /** The values of an {@code IN ?} marker: 5.0 refuses a null or unset list when it binds. */
  static List<ByteBuffer> inList(ListType listType, ByteBuffer list) {
    if (list == null) {
      throw CqlException.invalid("Invalid null list in IN condition");
    }
    if (list == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid 'unset' value in condition");
    }
    return listType.elements(list);
  }

  /** An IN list of terms without its unset values (5.0 filters them out). */
  static List<ByteBuffer> withoutUnset(List<ByteBuffer> values) {
    List<ByteBuffer> out = new ArrayList<>(values.size());
    for (ByteBuffer v : values) {
      if (v != QueryOptions.UNSET) {
        out.add(v);
      }
    }
    return out;
  }

  static List<ByteBuffer> single(ByteBuffer value) {
    return Collections.singletonList(value);
  }

  /** A condition bound to one execution's values, tested against a row's current column value. */
  public record Bound(ConditionCheck check, List<ByteBuffer> values, ByteBuffer elementKey) {

    public ColumnMetadata column() {
      return check.column();
    }

    /** Whether the current value of the column (null when none) satisfies the condition. */
    public boolean test(ByteBuffer columnValue) {
      Operator op = check.operator() == Operator.IN ? Operator.EQ : check.operator();
      if (check.element() == null && check.column().type().isMultiCell()
          && !(check.column().type() instanceof dev.ringlet.internal.types.UserType)) {
        return multiCell(op, columnValue);
      }
      ByteBuffer current = check.element() == null ? columnValue : check.element().get(columnValue, elementKey);
      for (ByteBuffer v : values) {
        if (compare(op, v, current)) {
          return true;
        }
      }
      return false;
    }

    /** 5.0's {@code compareWithOperator}: one compared value against the current one. */
    private boolean compare(Operator op, ByteBuffer value, ByteBuffer current) {
      if (value == QueryOptions.UNSET) {
        throw CqlException.invalid("Invalid 'unset' value in condition");
      }
      if (value == null) {
        if (op == Operator.EQ) {
          return current == null;
        }
        if (op == Operator.NEQ) {
          return current != null;
        }
        throw nullComparison(op);
      }
      if (current == null) {
        return op == Operator.NEQ;
      }
      if (op == Operator.CONTAINS || op == Operator.CONTAINS_KEY) {
        return frozenContains(op, current, value);
      }
      return satisfies(op, check.type().compare(current, value));
    }

    /**
     * 5.0's {@code MultiCellCollectionBound}: a null or empty compared value is only an equality
     * with the column's absence; CONTAINS looks at the elements (an unset value compared as the empty
     * value); an unset whole collection fails as 5.0's cast does.
     */
    private boolean multiCell(Operator op, ByteBuffer current) {
      CqlType type = check.column().type();
      boolean contains = op == Operator.CONTAINS || op == Operator.CONTAINS_KEY;
      boolean hasCells = current != null && !elements(type, current, false).isEmpty();
      for (ByteBuffer v : values) {
        if (v == QueryOptions.UNSET && !contains) {
          throw unsetCollection(type);
        }
        if (v == null || (!contains && elements(type, v, false).isEmpty())) {
          if (op == Operator.EQ) {
            if (!hasCells) {
              return true;
            }
            continue;
          }
          if (op == Operator.NEQ) {
            return hasCells;
          }
          if (v == null) {
            throw nullComparison(op);
          }
          throw CqlException.invalid("Invalid comparison with an empty " + kind(type) + " for operator \"" + op + "\"");
        }
        if (!hasCells) {
          if (op == Operator.NEQ) {
            return true;
          }
          continue;
        }
        if (contains) {
          ByteBuffer wanted = v == QueryOptions.UNSET ? ByteBuffer.allocate(0) : v;
          CqlType elementType = elementType(type, op == Operator.CONTAINS_KEY);
          for (ByteBuffer e : elements(type, current, op == Operator.CONTAINS_KEY)) {
            if (elementType.compare(e, wanted) == 0) {
              return true;
            }
          }
          continue;
        }
        if (satisfies(op, type.compare(current, v))) {
          return true;
        }
      }
      return false;
    }

    /**
     * CONTAINS on a frozen collection: 5.0 deserializes it and asks Java's {@code contains}, so
     * elements are equal as Java values (a decimal's scale counts), not as the type orders them.
     */
    private boolean frozenContains(Operator op, ByteBuffer current, ByteBuffer value) {
      CqlType type = check.column().type();
      CqlType elementType = elementType(type, op == Operator.CONTAINS_KEY);
      Object wanted = elementType.decode(value);
      for (ByteBuffer e : elements(type, current, op == Operator.CONTAINS_KEY)) {
        if (Objects.equals(elementType.decode(e), wanted)) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean satisfies(Operator op, int c) {
    switch (op) {
      case EQ:
        return c == 0;
      case NEQ:
        return c != 0;
      case LT:
        return c < 0;
      case LTE:
        return c <= 0;
      case GT:
        return c > 0;
      case GTE:
        return c >= 0;
      default:
        throw new IllegalStateException("operator " + op);
    }
  }

  private static CqlException nullComparison(Operator op) {
    return CqlException.invalid("Invalid comparison with null for operator \"" + op + "\"");
  }

  /** 5.0 casts the unset value to the collection's literal value class. */
  private static CqlException unsetCollection(CqlType type) {
    String target = "org.apache.cassandra.cql3." + (type instanceof ListType ? "Lists" : type instanceof SetType ? "Sets" : "Maps")
        + "$Value";
    return CqlException.serverError("java.lang.ClassCastException: class org.apache.cassandra.cql3.Constants$Value cannot be"
        + " cast to class " + target + " (org.apache.cassandra.cql3.Constants$Value and " + target
        + " are in unnamed module of loader 'app')");
  }

  private static String kind(CqlType type) {
    return type instanceof ListType ? "list" : type instanceof SetType ? "set" : "map";
  }

  /** The type CONTAINS (or CONTAINS KEY) compares with: list and set elements, map values (or keys). */
  static CqlType elementType(CqlType collection, boolean keys) {
    if (collection instanceof ListType l) {
      return l.element();
    }
    if (collection instanceof SetType s) {
      return s.element();
    }
    MapType m = (MapType) collection;
    return keys ? m.key() : m.value();
  }

  /** A collection's elements: list and set elements, map values (or keys). */
  private static List<ByteBuffer> elements(CqlType collection, ByteBuffer value, boolean keys) {
    if (collection instanceof ListType l) {
      return l.elements(value);
    }
    if (collection instanceof SetType s) {
      return s.elements(value);
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> e : ((MapType) collection).entries(value)) {
      out.add(keys ? e.getKey() : e.getValue());
    }
    return out;
  }
}
