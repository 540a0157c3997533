package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.ProtocolConstants.DataType;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.ClientConnection;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Just enough of {@code system.local} and {@code system.peers_v2} for the Java driver to open a
 * session against one node (schema and token metadata switched off in the test); every other
 * query answers Void.
 */
final class SystemTablesProcessor implements RequestProcessor {

  private static final UUID HOST_ID = UUID.fromString("9b1c4d5e-0000-4000-8000-000000000001");
  private static final UUID SCHEMA_VERSION = UUID.fromString("9b1c4d5e-0000-4000-8000-000000000002");

  private final InetAddress address;
  private volatile int rpcPort;

  SystemTablesProcessor(InetAddress address) {
    this.address = address;
  }

  /** The port advertised as {@code rpc_port}: the server's, known once it is bound. */
  void advertisePort(int port) {
    this.rpcPort = port;
  }

  @Override
  public ConnectionHandler open(ClientConnection connection) {
    return request -> {
      String query = request.message() instanceof Query q ? q.query : "";
      if (query.contains("system.local")) {
        return CompletableFuture.completedFuture(Response.of(localRow()));
      }
      if (query.contains("system.peers")) {
        return CompletableFuture.completedFuture(Response.of(noPeers()));
      }
      return CompletableFuture.completedFuture(Response.of(Void.INSTANCE));
    };
  }

  private DefaultRows localRow() {
    List<ColumnSpec> columns = new ArrayList<>();
    List<ByteBuffer> row = new ArrayList<>();
    column(columns, row, "key", text(), utf8("local"));
    column(columns, row, "cluster_name", text(), utf8("ringlet"));
    column(columns, row, "broadcast_address", inet(), ByteBuffer.wrap(address.getAddress()));
    column(columns, row, "rpc_address", inet(), ByteBuffer.wrap(address.getAddress()));
    column(columns, row, "rpc_port", RawType.PRIMITIVES.get(DataType.INT), intBytes(rpcPort));
    column(columns, row, "listen_address", inet(), ByteBuffer.wrap(address.getAddress()));
    column(columns, row, "data_center", text(), utf8("datacenter1"));
    column(columns, row, "rack", text(), utf8("rack1"));
    column(columns, row, "release_version", text(), utf8("5.0.2"));
    column(columns, row, "partitioner", text(), utf8("org.apache.cassandra.dht.Murmur3Partitioner"));
    column(columns, row, "host_id", uuid(), uuidBytes(HOST_ID));
    column(columns, row, "schema_version", uuid(), uuidBytes(SCHEMA_VERSION));
    column(columns, row, "tokens", new RawType.RawSet(text()), singleTextSet("0"));
    Queue<List<ByteBuffer>> data = new ArrayDeque<>();
    data.add(row);
    return new DefaultRows(new RowsMetadata(columns, null, null, null), data);
  }

  private static DefaultRows noPeers() {
    List<ColumnSpec> columns = new ArrayList<>();
    columns.add(new ColumnSpec("system", "peers_v2", "peer", 0, inet()));
    return new DefaultRows(new RowsMetadata(columns, null, null, null), new ArrayDeque<>());
  }

  private static void column(
      List<ColumnSpec> columns, List<ByteBuffer> row, String name, RawType type, ByteBuffer value) {
    columns.add(new ColumnSpec("system", "local", name, columns.size(), type));
    row.add(value);
  }

  private static RawType text() {
    return RawType.PRIMITIVES.get(DataType.VARCHAR);
  }

  private static RawType inet() {
    return RawType.PRIMITIVES.get(DataType.INET);
  }

  private static RawType uuid() {
    return RawType.PRIMITIVES.get(DataType.UUID);
  }

  private static ByteBuffer intBytes(int value) {
    ByteBuffer bytes = ByteBuffer.allocate(4);
    bytes.putInt(value).flip();
    return bytes;
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteBuffer uuidBytes(UUID id) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).flip();
    return bytes;
  }

  private static ByteBuffer singleTextSet(String element) {
    byte[] bytes = element.getBytes(StandardCharsets.UTF_8);
    ByteBuffer set = ByteBuffer.allocate(4 + 4 + bytes.length);
    set.putInt(1).putInt(bytes.length).put(bytes).flip();
    return set;
  }
}
