package dev.ringlet.bench.noop;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.request.Batch;
import com.datastax.oss.protocol.internal.request.Execute;
import com.datastax.oss.protocol.internal.request.Prepare;
import com.datastax.oss.protocol.internal.request.Query;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * What identifies a request for the canned-answer table: the statement (query text or prepared id)
 * and the page asked for, never the bound values. Every EXECUTE of one prepared SELECT therefore gets
 * the same answer, which is exactly what a no-op server should do.
 */
final class RequestKey {

  private RequestKey() {}

  static String of(Message m) {
    if (m instanceof Query q) {
      return "QUERY " + q.query + " @" + hex(q.options.pagingState);
    }
    if (m instanceof Prepare p) {
      return "PREPARE " + p.cqlQuery;
    }
    if (m instanceof Execute e) {
      return "EXECUTE " + HexFormat.of().formatHex(e.queryId) + " @" + hex(e.options.pagingState)
          + (e.options.skipMetadata ? " skip" : "");
    }
    if (m instanceof Batch) {
      return "BATCH";
    }
    return m.getClass().getSimpleName();
  }

  private static String hex(ByteBuffer b) {
    if (b == null) {
      return "-";
    }
    ByteBuffer d = b.duplicate();
    byte[] bytes = new byte[d.remaining()];
    d.get(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
