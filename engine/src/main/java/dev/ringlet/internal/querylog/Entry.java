package dev.ringlet.internal.querylog;

import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One recorded request, as cheap to make as possible: references to what the request already
 * holds, nothing decoded, nothing looked up. {@link #toLoggedQuery} builds the public form when the log is read.
 */
final class Entry {

  /**
   * One statement: a query text (QUERY, PREPARE, a batch child) or a prepared id, whose text,
   * keyspace and types are looked up only when the log is read ({@link #resolved}).
   */
  record Statement(LoggedQuery.Kind kind, String query, String keyspace, List<ColumnSpec> variables,
      List<ByteBuffer> values, List<String> names, int[] omittedSizes, byte[] preparedId) {

    /** With a prepared id's text, keyspace and types, when the node knows the id. */
    Statement resolved(java.util.function.Function<byte[], QueryLogBook.PreparedInfo> prepared) {
      QueryLogBook.PreparedInfo info = preparedId == null ? null : prepared.apply(preparedId);
      return info == null ? this
          : new Statement(kind, info.query(), info.keyspace(), info.variables(), values, names, omittedSizes, null);
    }
  }

  long sequence;
  final long timestampMicros;
  final QueryLogBook.Coordinator coordinator;
  final LoggedQuery.Kind kind;
  final Statement statement;
  final List<Statement> children;
  final ConsistencyLevel consistency;
  final ConsistencyLevel serialConsistency;
  final int pageSize;
  final String keyspace;
  final LoggedQuery.Outcome outcome;
  final int rowCount;
  final int errorCode;
  final String errorMessage;

  Entry(long timestampMicros, QueryLogBook.Coordinator coordinator, LoggedQuery.Kind kind, Statement statement,
      List<Statement> children, QueryOptions options, String keyspace, LoggedQuery.Outcome outcome, int rowCount,
      int errorCode, String errorMessage) {
    this.timestampMicros = timestampMicros;
    this.coordinator = coordinator;
    this.kind = kind;
    this.statement = statement;
    this.children = children;
    this.consistency = options == null ? null : options.consistency();
    this.serialConsistency = options == null ? null : options.serialConsistency();
    this.pageSize = options == null ? -1 : options.pageSize();
    this.keyspace = keyspace;
    this.outcome = outcome;
    this.rowCount = rowCount;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  /** @param prepared what a prepared id stands for, or null when the node does not know it */
  LoggedQuery toLoggedQuery(java.util.function.Function<byte[], QueryLogBook.PreparedInfo> prepared) {
    List<LoggedQuery> kids = new ArrayList<>(children.size());
    for (Statement c : children) {
      kids.add(build(c.kind(), c.resolved(prepared), List.of()));
    }
    return build(kind, statement == null ? null : statement.resolved(prepared), kids);
  }

  private LoggedQuery build(LoggedQuery.Kind k, Statement s, List<LoggedQuery> kids) {
    String ks = s == null || s.keyspace() == null ? keyspace : s.keyspace();
    return new LoggedQuery(sequence, timestampMicros, k, s == null ? null : s.query(),
        s == null ? List.of() : decode(s), s == null || s.names() == null ? List.of() : s.names(),
        consistency == null ? null : consistency.name(), serialConsistency == null ? null : serialConsistency.name(),
        coordinator.address().get(), coordinator.hostId(), kind == LoggedQuery.Kind.BATCH ? -1 : pageSize, ks, outcome,
        rowCount, errorCode, errorMessage, kids);
  }

  private static List<Object> decode(Statement s) {
    List<ByteBuffer> values = s.values();
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      ByteBuffer v = values.get(i);
      if (s.omittedSizes() != null && s.omittedSizes()[i] > 0) {
        out.add(new LoggedQuery.OmittedValue(s.omittedSizes()[i]));
      } else if (v == null) {
        out.add(null);
      } else if (v == QueryOptions.UNSET) {
        out.add(LoggedQuery.UNSET);
      } else {
        ColumnSpec spec = variable(s, i);
        out.add(spec == null ? v.asReadOnlyBuffer() : decode(spec, v));
      }
    }
    return out;
  }

  private static ColumnSpec variable(Statement s, int i) {
    List<ColumnSpec> vars = s.variables();
    if (vars == null) {
      return null;
    }
    if (s.names() != null) {
      String name = s.names().get(i);
      for (ColumnSpec c : vars) {
        if (c.name().equals(name)) {
          return c;
        }
      }
      return null;
    }
    return i < vars.size() ? vars.get(i) : null;
  }

  private static Object decode(ColumnSpec spec, ByteBuffer v) {
    try {
      return publicForm(spec.type().decode(v.duplicate()));
    } catch (RuntimeException notOfItsType) {
      return v.asReadOnlyBuffer();
    }
  }

  /** The engine's Java values, with its own duration type replaced by CQL text (it is not public). */
  private static Object publicForm(Object value) {
    if (value instanceof CqlDuration d) {
      return NativeType.DURATION.toCqlLiteral(NativeType.DURATION.encode(d));
    }
    if (value instanceof ByteBuffer b) {
      return b.asReadOnlyBuffer();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(publicForm(o));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    if (value instanceof Set<?> set) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object o : set) {
        out.add(publicForm(o));
      }
      return java.util.Collections.unmodifiableSet(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(publicForm(e.getKey()), publicForm(e.getValue()));
      }
      return java.util.Collections.unmodifiableMap(out);
    }
    return value;
  }

  /**
   * The statement to keep: its values are the request's own list unless one is larger than
   * {@link QueryLog#MAX_RETAINED_VALUE_BYTES}; such a value is replaced by null and its size kept.
   */
  static Statement statement(LoggedQuery.Kind kind, String query, String keyspace, List<ColumnSpec> variables,
      List<ByteBuffer> values, List<String> names) {
    return statement(kind, query, keyspace, variables, values, names, null);
  }

  /** An EXECUTE (or a batch child) of a prepared id: its text is looked up when the log is read. */
  static Statement prepared(byte[] id, List<ByteBuffer> values, List<String> names) {
    return statement(LoggedQuery.Kind.EXECUTE, null, null, null, values, names, id);
  }

  private static Statement statement(LoggedQuery.Kind kind, String query, String keyspace, List<ColumnSpec> variables,
      List<ByteBuffer> values, List<String> names, byte[] preparedId) {
    List<ByteBuffer> kept = values;
    int[] omitted = null;
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        ByteBuffer v = values.get(i);
        if (v != null && v.remaining() > QueryLog.MAX_RETAINED_VALUE_BYTES) {
          if (omitted == null) {
            kept = new ArrayList<>(values);
            omitted = new int[values.size()];
          }
          omitted[i] = v.remaining();
          kept.set(i, null);
        }
      }
    }
    return new Statement(kind, query, keyspace, variables, kept, names, omitted, preparedId);
  }
}
