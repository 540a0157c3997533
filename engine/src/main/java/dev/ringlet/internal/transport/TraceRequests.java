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
 * {@code page_size} when positive). An EXECUTE's bound values ({@code bound_var_*}) are not recorded.
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

  /** 5.0's coordinator events while it parses and prepares a statement's text. */
  static void parsing(Tracing.Session trace, String query) {
    if (trace != null) {
      trace.event("Parsing " + query);
      trace.event("Preparing statement");
    }
  }
}
