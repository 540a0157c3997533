package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.Prepared;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import com.datastax.oss.protocol.internal.response.result.SchemaChange;
import com.datastax.oss.protocol.internal.response.result.SetKeyspace;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/** Converts between protocol messages and the engine's options and results. */
final class Messages {

  private Messages() {}

  static QueryOptions options(com.datastax.oss.protocol.internal.request.query.QueryOptions o) {
    List<ByteBuffer> values;
    List<String> names = null;
    if (o.namedValues != null && !o.namedValues.isEmpty()) {
      values = new ArrayList<>();
      names = new ArrayList<>();
      for (Map.Entry<String, ByteBuffer> e : o.namedValues.entrySet()) {
        names.add(e.getKey());
        values.add(unset(e.getValue()));
      }
    } else {
      values = new ArrayList<>(o.positionalValues.size());
      for (ByteBuffer v : o.positionalValues) {
        values.add(unset(v));
      }
    }
    return new QueryOptions(Consistency.fromProtocol(o.consistency), values, names, o.pageSize, o.pagingState,
        Consistency.fromProtocol(o.serialConsistency), o.defaultTimestamp);
  }

  static List<ByteBuffer> values(List<ByteBuffer> raw) {
    List<ByteBuffer> out = new ArrayList<>(raw.size());
    for (ByteBuffer v : raw) {
      out.add(unset(v));
    }
    return out;
  }

  private static ByteBuffer unset(ByteBuffer v) {
    return v == ProtocolConstants.UNSET_VALUE ? QueryOptions.UNSET : v;
  }

  static Message result(Result result, int protocolVersion, boolean skipMetadata) {
    if (result instanceof Result.Rows rows) {
      RowsMetadata metadata = skipMetadata
          ? new RowsMetadata(rows.columns().size(), rows.pagingState(), null, null)
          : new RowsMetadata(specs(rows.columns(), protocolVersion), rows.pagingState(), null, null);
      Queue<List<ByteBuffer>> data = new ArrayDeque<>(rows.rows());
      return new DefaultRows(metadata, data);
    }
    if (result instanceof Result.SetKeyspace s) {
      return new SetKeyspace(s.keyspace());
    }
    if (result instanceof Result.SchemaChange c) {
      return new SchemaChange(c.change(), c.target(), c.keyspace(), c.name(), c.argumentTypes());
    }
    if (result instanceof Result.Prepared p) {
      RowsMetadata variables = new RowsMetadata(specs(p.variables(), protocolVersion), null, p.partitionKeyIndexes(), null);
      RowsMetadata resultMetadata = p.resultColumns().isEmpty()
          ? new RowsMetadata(0, null, null, null)
          : new RowsMetadata(specs(p.resultColumns(), protocolVersion), null, null, null);
      return new Prepared(p.id(), null, variables, resultMetadata);
    }
    return Void.INSTANCE;
  }

  private static List<com.datastax.oss.protocol.internal.response.result.ColumnSpec> specs(List<ColumnSpec> columns, int version) {
    List<com.datastax.oss.protocol.internal.response.result.ColumnSpec> out = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      out.add(new com.datastax.oss.protocol.internal.response.result.ColumnSpec(c.keyspace(), c.table(), c.name(), i,
          RawTypes.of(c.type(), version)));
    }
    return out;
  }
}
