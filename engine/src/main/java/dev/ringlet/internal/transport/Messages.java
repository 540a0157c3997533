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
      values = values(o.positionalValues);
    }
    return new QueryOptions(Consistency.fromProtocol(o.consistency), values, names, o.pageSize, o.pagingState,
        Consistency.fromProtocol(o.serialConsistency), o.defaultTimestamp,
        nowInSeconds(o.flags, o.nowInSeconds));
  }

  /** The v5 NOW_IN_SECONDS the client sent, or {@link Long#MIN_VALUE} when it sent none. */
  static long nowInSeconds(int flags, int nowInSeconds) {
    return (flags & ProtocolConstants.QueryFlag.NOW_IN_SECONDS) != 0 ? nowInSeconds : Long.MIN_VALUE;
  }

  /** The v5 per-request keyspace (WITH_KEYSPACE), or {@code null} when the client sent none. */
  static String keyspace(int flags, String keyspace) {
    return (flags & ProtocolConstants.QueryFlag.WITH_KEYSPACE) != 0 ? keyspace : null;
  }

  /**
   * The values with the protocol's UNSET marker replaced by the engine's; the decoded list itself
   * (never modified) when none is unset, as in almost every request.
   */
  static List<ByteBuffer> values(List<ByteBuffer> raw) {
    boolean anyUnset = false;
    for (int i = 0; i < raw.size() && !anyUnset; i++) {
      anyUnset = raw.get(i) == ProtocolConstants.UNSET_VALUE;
    }
    if (!anyUnset) {
      return raw;
    }
    List<ByteBuffer> out = new ArrayList<>(raw.size());
    for (ByteBuffer v : raw) {
      out.add(unset(v));
    }
    return out;
  }

  private static ByteBuffer unset(ByteBuffer v) {
    return v == ProtocolConstants.UNSET_VALUE ? QueryOptions.UNSET : v;
  }

  /**
   * @param skipMetadata the EXECUTE asked to leave the column metadata out
   * @param resultMetadataId the id an EXECUTE at v5 sent back, or {@code null}
   */
  static Message result(Result result, int protocolVersion, boolean skipMetadata, byte[] resultMetadataId) {
    return result(result, protocolVersion, skipMetadata, resultMetadataId, new ResultMetadataIds.Cache());
  }

  /** As above, the v5 result metadata ids taken from (and kept in) {@code ids}. */
  static Message result(Result result, int protocolVersion, boolean skipMetadata, byte[] resultMetadataId,
      ResultMetadataIds.Cache ids) {
    if (result instanceof Result.Rows rows) {
      Queue<List<ByteBuffer>> data = new ArrayDeque<>(rows.rows());
      return new DefaultRows(rowsMetadata(rows, protocolVersion, skipMetadata, resultMetadataId, ids), data);
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
      byte[] preparedResultId =
          protocolVersion >= ProtocolConstants.Version.V5 ? ids.of(p.resultColumns()) : null;
      return new Prepared(p.id(), preparedResultId, variables, resultMetadata);
    }
    return Void.INSTANCE;
  }

  /**
   * The metadata of a ROWS result. Up to v4 an EXECUTE with skip_metadata gets none. At v5 an
   * EXECUTE also sends its result_metadata_id: when the columns now digest differently, the answer
   * carries them with the new id (METADATA_CHANGED); when they match, skip_metadata applies. As in
   * Cassandra, conditional updates (their first column is {@code [applied]}, and the rest depends
   * on the outcome) always carry their metadata and never claim a change.
   */
  private static RowsMetadata rowsMetadata(
      Result.Rows rows, int protocolVersion, boolean skipMetadata, byte[] resultMetadataId, ResultMetadataIds.Cache ids) {
    boolean full = !skipMetadata;
    byte[] newId = null;
    if (protocolVersion >= ProtocolConstants.Version.V5 && resultMetadataId != null) {
      if (isConditionalUpdate(rows)) {
        full = true;
      } else {
        byte[] current = ids.of(rows.columns());
        if (!java.util.Arrays.equals(current, resultMetadataId)) {
          full = true;
          newId = current;
        }
      }
    }
    return full
        ? new RowsMetadata(specs(rows.columns(), protocolVersion), rows.pagingState(), null, newId)
        : new RowsMetadata(rows.columns().size(), rows.pagingState(), null, null);
  }

  private static boolean isConditionalUpdate(Result.Rows rows) {
    return !rows.columns().isEmpty() && rows.columns().get(0).name().equals("[applied]");
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
