package dev.ringlet.internal.node;

import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.SystemTableSource;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.TimeUuids;
import dev.ringlet.internal.exec.ddl.DdlExecutor;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.time.TimestampGenerator;
import dev.ringlet.internal.transport.CqlRequestProcessor;
import dev.ringlet.internal.transport.Events;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node: the composition root that builds its object graph (schema, storage, executor,
 * protocol server). Nothing here is static, so any number of nodes can live in one JVM.
 */
public final class Node implements AutoCloseable {

  private final NodeConfig config;
  private final SchemaManager schema;
  private final QueryProcessor processor;
  private final SystemTableSource tables;
  private final AtomicReference<ProtocolServer> server = new AtomicReference<>();

  public Node(NodeConfig config) {
    this.config = config;
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    this.schema = new SchemaManager(new Schema(UUID.nameUUIDFromBytes("ringlet-initial-schema".getBytes()), keyspaces));
    Storage storage = new Storage();
    this.tables = new SystemTableSource(storage, schema::current, this::localInfo, List::of);
    TimestampGenerator timestamps = new TimestampGenerator(config.clock());
    TimeUuids ids = new TimeUuids(config.clock());
    DdlExecutor ddl = new DdlExecutor(schema, storage, tables, () -> Map.of(config.datacenter(), 1), ids::next, config.clock(),
        config.userDefinedFunctions());
    WriteExecutor writes = new WriteExecutor(tables, timestamps, config.clock());
    this.processor = new QueryProcessor(schema, tables, writes, ddl, new TermFunctions(config.clock(), schema::current), config.clock(),
        this::publishSchemaChange, new dev.ringlet.internal.exec.ConsistencyGuard(
            () -> dev.ringlet.internal.cluster.Topology.singleNode(config.datacenter())));
  }

  /** Starts serving CQL; returns once clients can connect. */
  public void start(WireResources resources) {
    ProtocolServer s = ProtocolServers.start(ProtocolServerConfig.of(config.address(), config.port()),
        new CqlRequestProcessor(processor), resources);
    server.set(s);
  }

  public InetSocketAddress nativeAddress() {
    ProtocolServer s = server.get();
    return s == null ? new InetSocketAddress(config.address(), config.port()) : s.localAddress();
  }

  public NodeConfig config() {
    return config;
  }

  /** What this node says of itself in {@code system.local}. */
  public NodeInfo localInfo() {
    InetSocketAddress a = nativeAddress();
    return new NodeInfo(config.clusterName(), config.datacenter(), config.rack(), config.releaseVersion(),
        config.hostId(), config.tokens(), config.address(), 7000, config.address(), 7000, config.address(), a.getPort(),
        schema.current().version());
  }

  /** Empties every table of the keyspaces (see {@link dev.ringlet.api.RingletCluster#truncate}). */
  public int truncate(java.util.Set<String> keyspaces) {
    int count = 0;
    for (String name : keyspaces) {
      if (dev.ringlet.internal.exec.ddl.SystemNames.isSystem(name)) {
        throw new IllegalArgumentException("keyspace: " + name + " (expected: a user keyspace, not a system one)");
      }
      KeyspaceMetadata ks = schema.current().keyspace(name);
      if (ks == null) {
        continue;
      }
      for (dev.ringlet.internal.schema.TableMetadata t : ks.tables().values()) {
        tables.store(t).truncate();
        count++;
      }
    }
    return count;
  }

  private void publishSchemaChange(Result.SchemaChange change) {
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.schemaChange(change));
    }
  }

  @Override
  public void close() {
    ProtocolServer s = server.getAndSet(null);
    if (s != null) {
      s.close();
    }
  }
}
