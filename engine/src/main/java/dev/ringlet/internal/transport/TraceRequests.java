package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.request.Batch;
import com.datastax.oss.protocol.internal.request.Execute;
import com.datastax.oss.protocol.internal.request.Prepare;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.query.QueryOptions;
import dev.ringlet.internal.exec.trace.Tracing;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * What 5.0 records of a traced request ({@code QueryMessage}, {@code ExecuteMessage},
 * {@code BatchMessage}, {@code PrepareMessage}): its name in {@code system_traces.sessions.request}
 * and its parameters ({@code query}, {@code consistency_level}, {@code serial_consistency_level},
 * {@code page_size} when positive), and for an EXECUTE ({@link #executing}) the prepared text as
 * {@code query} and each bound value as {@code bound_var_<index>_<name>}.
 */
final class TraceRequests {

  private TraceRequests() {}

  static Tracing.Session begin(Tracing tracing, Message m, InetAddress client) {
    Map<String, String> parameters = new HashMap<>();
    String request;
    if (m instanceof Query q) {
      request = "Execute CQL3 query";
      parameters.put("query", q.query);
      options(parameters, q.options);
    } else if (m instanceof Execute e) {
      request = "Execute CQL3 prepared query";
      options(parameters, e.options);
    } else if (m instanceof Batch b) {
      request = "Execute batch of CQL3 queries";
      parameters.put("consistency_level", Consistency.fromProtocol(b.consistency).name());
      parameters.put("serial_consistency_level", Consistency.fromProtocol(b.serialConsistency).name());
    } else if (m instanceof Prepare p) {
      request = "Preparing CQL3 query";
      parameters.put("query", p.cqlQuery);
    } else {
      request = m.getClass().getSimpleName();
    }
    return tracing.begin(request, client, parameters);
  }

  private static void options(Map<String, String> parameters, QueryOptions options) {
    parameters.put("consistency_level", Consistency.fromProtocol(options.consistency).name());
    parameters.put("serial_consistency_level", Consistency.fromProtocol(options.serialConsistency).name());
    if (options.pageSize > 0) {
      parameters.put("page_size", String.valueOf(options.pageSize));
    }
  }

  /** 5.0's {@code ExecuteMessage}: bound values longer than this are cut, and end with {@code ...'}. */
  private static final int BOUND_VALUE_MAX = 1000;

  /**
   * The parameters 5.0 adds for an EXECUTE of a known id: {@code query} (the prepared text) and
   * {@code bound_var_<i>_<name>} for each bound variable, its value as a CQL literal ({@code null}
   * for a null). Nothing for an unknown id (answered UNPREPARED, as 5.0, before any tracing).
   */
  static void executing(Tracing.Session trace, dev.ringlet.internal.exec.QueryProcessor processor, byte[] id,
      dev.ringlet.internal.exec.QueryOptions options) {
    if (trace == null) {
      return;
    }
    dev.ringlet.internal.exec.QueryProcessor.PreparedText prepared = processor.preparedText(id);
    if (prepared == null) {
      return;
    }
    trace.parameter("query", prepared.query());
    java.util.List<dev.ringlet.internal.exec.ColumnSpec> variables = prepared.variables();
    for (int i = 0; i < variables.size(); i++) {
      dev.ringlet.internal.exec.ColumnSpec v = variables.get(i);
      java.nio.ByteBuffer value = valueOf(options, i, v.name());
      if (value == dev.ringlet.internal.exec.QueryOptions.UNSET) {
        continue;
      }
      String literal;
      try {
        literal = value == null ? "null" : v.type().toCqlLiteral(value.duplicate());
      } catch (RuntimeException invalid) {
        continue; // a value the type refuses: the EXECUTE fails with its validation error
      }
      if (literal.length() > BOUND_VALUE_MAX) {
        literal = literal.substring(0, BOUND_VALUE_MAX) + "...'";
      }
      trace.parameter("bound_var_" + i + "_" + v.name(), literal);
    }
  }

  /** The value of variable {@code index} (by position, or by name for named values); UNSET when not given. */
  private static java.nio.ByteBuffer valueOf(dev.ringlet.internal.exec.QueryOptions options, int index, String name) {
    java.util.List<java.nio.ByteBuffer> values = options.values();
    if (options.names() == null) {
      return index < values.size() ? values.get(index) : dev.ringlet.internal.exec.QueryOptions.UNSET;
    }
    for (int i = 0; i < options.names().size(); i++) {
      if (options.names().get(i).equalsIgnoreCase(name)) {
        return values.get(i);
      }
    }
    return dev.ringlet.internal.exec.QueryOptions.UNSET;
  }

  /** 5.0's coordinator events while it parses and prepares a statement's text. */
  static void parsing(Tracing.Session trace, String query) {
    if (trace != null) {
      trace.event("Parsing " + query);
      trace.event("Preparing statement");
    }
  }
}
