package dev.ringlet.bench.engine;

import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.SystemTableSource;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.TimeUuids;
import dev.ringlet.internal.exec.ddl.DdlExecutor;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.node.Tokens;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.time.TimestampGenerator;
import dev.ringlet.internal.transport.CqlRequestProcessor;
import dev.ringlet.internal.transport.Events;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.RequestProcessor;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node's execution graph without its protocol server, assembled the way
 * {@code dev.ringlet.internal.node.Node} assembles it (which keeps its {@code QueryProcessor}
 * private). Used by the JMH query-path benchmark and to record the no-op server's canned answers.
 * If {@code Node}'s composition changes, this copy must follow.
 */
public final class EngineFixture {

  private static final String DATACENTER = "datacenter1";

  private final SchemaManager schema;
  private final QueryProcessor processor;
  private final AtomicReference<ProtocolServer> server = new AtomicReference<>();
  private final InetAddress address;
  private final UUID hostId;
  private final List<Long> tokens;
  private volatile int nativePort;

  public EngineFixture(InetAddress address) {
    this.address = address;
    this.hostId = UUID.nameUUIDFromBytes(("bench/" + address.getHostAddress()).getBytes(StandardCharsets.UTF_8));
    this.tokens = Tokens.spread(16, hostId.getMostSignificantBits());
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    Clock clock = Clock.system();
    this.schema = new SchemaManager(
        new Schema(UUID.nameUUIDFromBytes("ringlet-initial-schema".getBytes(StandardCharsets.UTF_8)), keyspaces));
    Storage storage = new Storage();
    SystemTableSource tables = new SystemTableSource(storage, schema::current, this::localInfo, List::of);
    TimeUuids ids = new TimeUuids(clock);
    DdlExecutor ddl = new DdlExecutor(schema, storage, tables, () -> java.util.Map.of(DATACENTER, 1), ids::next, clock);
    // As a single node's: each request reads user tables through a source that counts tombstones.
    dev.ringlet.internal.exec.RequestTables requestTables = new dev.ringlet.internal.coordinator.ThresholdedTables(tables,
        dev.ringlet.internal.coordinator.ReadThresholds.DEFAULTS, address);
    WriteExecutor writes = new WriteExecutor(requestTables, new TimestampGenerator(clock), clock);
    this.processor = new QueryProcessor(schema, tables, requestTables, writes, ddl, new TermFunctions(clock, schema::current),
        clock, this::publishSchemaChange, new dev.ringlet.internal.exec.ConsistencyGuard(
            () -> dev.ringlet.internal.cluster.Topology.singleNode(DATACENTER)),
        dev.ringlet.internal.exec.auth.AccessControl.disabled());
  }

  public QueryProcessor processor() {
    return processor;
  }

  /** The engine's own protocol adapter over this fixture's processor. */
  public RequestProcessor requestProcessor() {
    return new CqlRequestProcessor(processor);
  }

  /** Attaches the server that schema-change events are pushed through, and whose port system.local reports. */
  public void attach(ProtocolServer s) {
    server.set(s);
    nativePort = s.localAddress().getPort();
  }

  private NodeInfo localInfo() {
    return new NodeInfo("Ringlet Cluster", DATACENTER, "rack1", "5.0.9", hostId, tokens, address, 7000, address, 7000,
        address, nativePort, schema.current().version());
  }

  private void publishSchemaChange(Result.SchemaChange change) {
    ProtocolServer s = server.get();
    if (s != null) {
      s.publish(Events.schemaChange(change));
    }
  }
}
