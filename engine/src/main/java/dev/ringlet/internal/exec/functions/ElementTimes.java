package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.select.CellPaths;
import dev.ringlet.internal.exec.select.ComplexValues;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code WRITETIME} and {@code TTL} of a non-frozen collection or user type, as Cassandra 5.0
 * answers them: a list with one entry per live element in element order (for TTL, null for an
 * element that does not expire); null when the column has no element. And of one element, field
 * or slice of a collection or user type ({@code writetime(m[k])}, {@code ttl(u.f)}).
 */
final class ElementTimes {

  private ElementTimes() {}

  static CompiledSelector selector(String name, ColumnMetadata c, boolean ttl) {
    ListType type = new ListType(ttl ? NativeType.INT : NativeType.BIGINT, false);
    return CompiledSelector.perRow(name, type, c.isStatic(), (row, values) -> {
      List<Map.Entry<ByteBuffer, Cell>> elements = ComplexValues.ordered(c.type(), row.elements(c));
      if (elements.isEmpty()) {
        return null;
      }
      ByteBuffer[] entries = new ByteBuffer[elements.size()];
      for (int i = 0; i < entries.length; i++) {
        Cell cell = elements.get(i).getValue();
        if (!ttl) {
          entries[i] = NativeType.BIGINT.encode(cell.timestamp());
        } else if (cell.ttl() != 0) {
          entries[i] = NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds()));
        }
      }
      return listWithNulls(entries);
    });
  }

  /** The column of {@code s[k]}, {@code s[a..b]} or {@code u.f} on a column; null for any other selector. */
  static Selector.Column targetColumn(Selector s) {
    Selector inner = s instanceof Selector.Element e ? e.selector()
        : s instanceof Selector.Slice sl ? sl.selector()
        : s instanceof Selector.Field f ? f.selector() : null;
    return inner instanceof Selector.Column c ? c : null;
  }

  /**
   * A bind marker as the element (or a slice bound) of a writetime/ttl selection. Cassandra 5.0.9
   * fails it with a ServerError: its {@code ElementsSelector} casts the key term to
   * {@code Term.Terminal} when the selection lists the cells it fetches, and a marker is not one
   * (the slice's lower bound is cast first). For an element of a non-frozen set or map, whose key
   * type is known here, Ringlet answers that ClassCastException's message, with the marker class
   * 5.0 prepares for the key type ({@code AbstractMarker.Raw.prepare}); otherwise (frozen columns,
   * lists) the same error code with a message saying what is not supported.
   *
   * @param keyType the type of the set's elements or the map's keys, or null when not known
   */
  static void refuseMarkers(Selector s, String fn, CqlType keyType) {
    List<Term> keys = s instanceof Selector.Element e ? java.util.Arrays.asList(e.key())
        : s instanceof Selector.Slice sl ? java.util.Arrays.asList(sl.from(), sl.to()) : List.of();
    for (Term k : keys) {
      if (k instanceof Term.BindMarker) {
        if (keyType != null) {
          String marker = "org.apache.cassandra.cql3." + markerClass(keyType);
          String terminal = "org.apache.cassandra.cql3.Term$Terminal";
          throw CqlException.serverError("java.lang.ClassCastException: class " + marker + " cannot be cast to class "
              + terminal + " (" + marker + " and " + terminal + " are in unnamed module of loader 'app')");
        }
        throw CqlException.serverError("Bind markers are not supported in element selections of " + fn + "()");
      }
    }
  }

  /** The class of the marker 5.0 prepares for a receiver of this type. */
  private static String markerClass(CqlType type) {
    if (type instanceof dev.ringlet.internal.types.ListType) {
      return "Lists$Marker";
    }
    if (type instanceof dev.ringlet.internal.types.SetType) {
      return "Sets$Marker";
    }
    if (type instanceof dev.ringlet.internal.types.MapType) {
      return "Maps$Marker";
    }
    if (type instanceof dev.ringlet.internal.types.UserType) {
      return "UserTypes$Marker";
    }
    return "Constants$Marker";
  }

  /**
   * Of a frozen column's element, field or slice: the column's cell, when the element or field is
   * there or the slice holds an element (5.0 answers null for an empty slice).
   */
  static CompiledSelector ofFrozenPart(String name, ColumnMetadata c, CompiledSelector part, boolean slice,
      Selector.WriteTimeOrTtl.Kind kind) {
    return single(name, c, kind, (row, values) -> {
      ByteBuffer v = part.valueOf(row, values);
      boolean empty = v == null || (slice && v.remaining() == 4 && v.getInt(v.position()) == 0);
      return empty ? null : row.cell(c);
    });
  }

  /** Of one field of a non-frozen user type: that field's cell. */
  static CompiledSelector ofField(String name, ColumnMetadata c, int index, Selector.WriteTimeOrTtl.Kind kind) {
    return single(name, c, kind, (row, values) -> {
      for (Map.Entry<ByteBuffer, Cell> e : row.elements(c).entrySet()) {
        if (CellPaths.fieldIndex(e.getKey()) == index) {
          return e.getValue();
        }
      }
      return null;
    });
  }

  /** Of one element of a non-frozen set (by value) or map (by key): that element's cell. */
  static CompiledSelector ofElement(String name, ColumnMetadata c, CqlType keyType, BoundTerm key,
      Selector.WriteTimeOrTtl.Kind kind) {
    return single(name, c, kind, (row, values) -> {
      ByteBuffer k = bind(key, values);
      if (k == null) {
        return null;
      }
      for (Map.Entry<ByteBuffer, Cell> e : row.elements(c).entrySet()) {
        if (keyType.compare(e.getKey(), k) == 0) {
          return e.getValue();
        }
      }
      return null;
    });
  }

  /**
   * Of the elements of a non-frozen set or map between two keys (inclusive, either open): a list
   * in element order, as for the whole column; the greatest timestamp for {@code maxwritetime}.
   */
  static CompiledSelector ofSlice(String name, ColumnMetadata c, CqlType keyType, BoundTerm from, BoundTerm to,
      Selector.WriteTimeOrTtl.Kind kind) {
    boolean ttl = kind == Selector.WriteTimeOrTtl.Kind.TTL;
    boolean max = kind == Selector.WriteTimeOrTtl.Kind.MAXWRITETIME;
    CqlType type = max ? NativeType.BIGINT : new ListType(ttl ? NativeType.INT : NativeType.BIGINT, false);
    return CompiledSelector.perRow(name, type, c.isStatic(), (row, values) -> {
      ByteBuffer low = bind(from, values);
      ByteBuffer high = bind(to, values);
      List<ByteBuffer> entries = new java.util.ArrayList<>();
      long greatest = Long.MIN_VALUE;
      for (Map.Entry<ByteBuffer, Cell> e : ComplexValues.ordered(c.type(), row.elements(c))) {
        ByteBuffer k = e.getKey();
        if ((low != null && keyType.compare(k, low) < 0) || (high != null && keyType.compare(k, high) > 0)) {
          continue;
        }
        Cell cell = e.getValue();
        greatest = Math.max(greatest, cell.timestamp());
        entries.add(ttl ? (cell.ttl() == 0 ? null : NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds())))
            : NativeType.BIGINT.encode(cell.timestamp()));
      }
      if (entries.isEmpty()) {
        return null;
      }
      return max ? NativeType.BIGINT.encode(greatest) : listWithNulls(entries.toArray(new ByteBuffer[0]));
    });
  }

  /** A bigint timestamp (writetime, maxwritetime) or int remaining TTL of the cell found. */
  private static CompiledSelector single(String name, ColumnMetadata c, Selector.WriteTimeOrTtl.Kind kind,
      java.util.function.BiFunction<RowAccess, BoundValues, Cell> find) {
    boolean ttl = kind == Selector.WriteTimeOrTtl.Kind.TTL;
    return CompiledSelector.perRow(name, ttl ? NativeType.INT : NativeType.BIGINT, c.isStatic(), (row, values) -> {
      Cell cell = find.apply(row, values);
      if (cell == null) {
        return null;
      }
      if (ttl) {
        return cell.ttl() == 0 ? null : NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds()));
      }
      return NativeType.BIGINT.encode(cell.timestamp());
    });
  }

  private static ByteBuffer bind(BoundTerm term, BoundValues values) {
    if (term == null) {
      return null;
    }
    ByteBuffer b = term.bind(values == null ? BoundValues.NONE : values);
    return b == dev.ringlet.internal.exec.QueryOptions.UNSET ? null : b;
  }

  /** A serialized list whose null entries are written with length -1, as Cassandra does here. */
  private static ByteBuffer listWithNulls(ByteBuffer[] entries) {
    int size = 4;
    for (ByteBuffer e : entries) {
      size += 4 + (e == null ? 0 : e.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(entries.length);
    for (ByteBuffer e : entries) {
      if (e == null) {
        out.putInt(-1);
      } else {
        out.putInt(e.remaining()).put(e.duplicate());
      }
    }
    return out.flip();
  }
}
