package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.schema.AggregateMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.FunctionMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.FunctionSignature;
import com.datastax.oss.driver.api.core.metadata.schema.IndexMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.RelationMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.ViewMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Java driver's {@code session.getMetadata()} says about the schema of
 * {@code metadata/schema.cql}, as text: each keyspace's {@code describeWithChildren(true)} and its
 * structured accessors (replication, options maps, index kinds and targets, view properties, user
 * types, function and aggregate signatures). {@link DriverMetadataRecorder} writes it from Cassandra
 * 5.0.9 into {@code metadata/driver-metadata-5.0.9.txt}; {@code DriverMetadataGoldenTest} compares
 * Ringlet's with it. Table ids are random on both servers, so only their presence is printed.
 */
final class DriverMetadataDump {

  static final String SCHEMA = "/metadata/schema.cql";
  static final String GOLDEN = "/metadata/driver-metadata-5.0.9.txt";
  /** The schema's keyspaces (the driver leaves system keyspaces out of its metadata by default). */
  static final List<String> KEYSPACES = List.of("meta_simple", "meta_nts", "Meta_Quoted");

  private DriverMetadataDump() {}

  /**
   * The sessions' settings: DDL can take longer than the 2 s default (5.0 dropping a keyspace, the
   * first Java UDF compiled on a loaded machine); each DDL's schema refresh starts at once.
   */
  static DriverConfigLoader config() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1)).build();
  }

  /** The schema's statements, each ending at a line that ends with {@code ;}. */
  static List<String> schema() throws IOException {
    String text;
    try (InputStream in = DriverMetadataDump.class.getResourceAsStream(SCHEMA)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("--") || line.isBlank()) {
        continue;
      }
      current.append(current.length() == 0 ? "" : " ").append(line.strip());
      if (line.endsWith(";")) {
        statements.add(current.substring(0, current.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }

  /** Creates the schema and dumps what the session's metadata then says about it. */
  static String createAndDump(CqlSession session) throws IOException {
    for (String keyspace : KEYSPACES) {
      session.execute("DROP KEYSPACE IF EXISTS " + CqlIdentifier.fromInternal(keyspace).asCql(false));
    }
    for (String statement : schema()) {
      session.execute(statement);
    }
    if (!session.checkSchemaAgreement()) {
      throw new IllegalStateException("no schema agreement");
    }
    session.refreshSchema();
    return dump(session);
  }

  static String dump(CqlSession session) {
    StringBuilder out = new StringBuilder();
    for (String name : KEYSPACES) {
      KeyspaceMetadata ks = session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(name))
          .orElseThrow(() -> new IllegalStateException("no keyspace " + name));
      keyspace(out, ks);
    }
    return out.toString();
  }

  private static void keyspace(StringBuilder out, KeyspaceMetadata ks) {
    out.append("== keyspace ").append(ks.getName().asCql(true)).append('\n');
    out.append("durableWrites: ").append(ks.isDurableWrites()).append('\n');
    out.append("virtual: ").append(ks.isVirtual()).append('\n');
    out.append("replication: ").append(ks.getReplication()).append('\n');
    out.append("describeWithChildren:\n").append(ks.describeWithChildren(true)).append("\n\n");
    for (UserDefinedType t : sorted(ks.getUserDefinedTypes())) {
      out.append("-- type ").append(t.getName().asCql(true)).append('\n');
      out.append("frozen: ").append(t.isFrozen()).append('\n');
      for (int i = 0; i < t.getFieldNames().size(); i++) {
        out.append("field: ").append(t.getFieldNames().get(i).asCql(true)).append(' ')
            .append(type(t.getFieldTypes().get(i))).append('\n');
      }
      out.append("describe: ").append(t.describe(false)).append('\n');
    }
    for (TableMetadata t : sorted(ks.getTables())) {
      out.append("-- table ").append(t.getName().asCql(true)).append('\n');
      out.append("compactStorage: ").append(t.isCompactStorage()).append('\n');
      out.append("virtual: ").append(t.isVirtual()).append('\n');
      relation(out, t);
      for (IndexMetadata i : sorted(t.getIndexes())) {
        out.append("index ").append(i.getName().asCql(true)).append(": kind ").append(i.getKind())
            .append(", target ").append(i.getTarget()).append(", class ").append(i.getClassName().orElse("-"))
            .append(", table ").append(i.getTable().asCql(true)).append(", options ").append(i.getOptions()).append('\n');
        out.append("  describe: ").append(i.describe(false)).append('\n');
      }
    }
    for (ViewMetadata v : sorted(ks.getViews())) {
      out.append("-- view ").append(v.getName().asCql(true)).append('\n');
      out.append("baseTable: ").append(v.getBaseTable().asCql(true)).append('\n');
      out.append("includesAllColumns: ").append(v.includesAllColumns()).append('\n');
      out.append("whereClause: ").append(v.getWhereClause().orElse("-")).append('\n');
      relation(out, v);
    }
    List<FunctionMetadata> functions = new ArrayList<>(ks.getFunctions().values());
    functions.sort(Comparator.comparing(f -> signature(f.getSignature())));
    for (FunctionMetadata f : functions) {
      out.append("-- function ").append(signature(f.getSignature())).append('\n');
      out.append("parameterNames: ").append(f.getParameterNames().stream().map(p -> p.asCql(true))
          .collect(Collectors.joining(", "))).append('\n');
      out.append("returnType: ").append(type(f.getReturnType())).append('\n');
      out.append("language: ").append(f.getLanguage()).append('\n');
      out.append("calledOnNullInput: ").append(f.isCalledOnNullInput()).append('\n');
      out.append("body: ").append(f.getBody()).append('\n');
    }
    List<AggregateMetadata> aggregates = new ArrayList<>(ks.getAggregates().values());
    aggregates.sort(Comparator.comparing(a -> signature(a.getSignature())));
    for (AggregateMetadata a : aggregates) {
      out.append("-- aggregate ").append(signature(a.getSignature())).append('\n');
      out.append("stateFunc: ").append(signature(a.getStateFuncSignature())).append('\n');
      out.append("stateType: ").append(type(a.getStateType())).append('\n');
      out.append("finalFunc: ").append(a.getFinalFuncSignature().map(DriverMetadataDump::signature).orElse("-")).append('\n');
      out.append("returnType: ").append(type(a.getReturnType())).append('\n');
      out.append("initCond: ").append(a.getInitCond().map(DriverMetadataDump::value).orElse("-"))
          .append(" formatted ").append(a.formatInitCond().orElse("-")).append('\n');
    }
    out.append('\n');
  }

  private static void relation(StringBuilder out, RelationMetadata r) {
    out.append("id present: ").append(r.getId().isPresent()).append('\n');
    out.append("partitionKey: ").append(r.getPartitionKey().stream().map(c -> c.getName().asCql(true))
        .collect(Collectors.joining(", "))).append('\n');
    List<String> clustering = new ArrayList<>();
    for (Map.Entry<ColumnMetadata, ClusteringOrder> e : r.getClusteringColumns().entrySet()) {
      clustering.add(e.getKey().getName().asCql(true) + " " + e.getValue());
    }
    out.append("clustering: ").append(String.join(", ", clustering)).append('\n');
    for (ColumnMetadata c : r.getColumns().values()) {
      out.append("column ").append(c.getName().asCql(true)).append(' ').append(type(c.getType()))
          .append(c.isStatic() ? " static" : "").append(" (of ").append(c.getParent().asCql(true)).append(")\n");
    }
    for (Map.Entry<CqlIdentifier, Object> e : r.getOptions().entrySet()) {
      out.append("option ").append(e.getKey().asCql(true)).append(" = ").append(value(e.getValue())).append('\n');
    }
  }

  private static String type(DataType t) {
    return t.asCql(true, true) + " [" + t.getClass().getSimpleName() + "]";
  }

  private static String signature(FunctionSignature s) {
    return s.getName().asCql(true) + "(" + s.getParameterTypes().stream().map(t -> t.asCql(true, true))
        .collect(Collectors.joining(", ")) + ")";
  }

  /** An option or init condition value with its Java class, so a string {@code '1'} and an int differ. */
  private static String value(Object v) {
    if (v instanceof ByteBuffer b) {
      return "0x" + HexFormat.of().formatHex(b.duplicate().array(), b.arrayOffset() + b.position(),
          b.arrayOffset() + b.limit());
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> value(e.getKey()) + ": " + value(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(DriverMetadataDump::value).collect(Collectors.joining(", ", "[", "]"));
    }
    return v == null ? "null" : v + " <" + v.getClass().getSimpleName() + ">";
  }

  private static <T> List<T> sorted(Map<CqlIdentifier, T> byName) {
    return byName.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(CqlIdentifier::asInternal)))
        .map(Map.Entry::getValue).collect(Collectors.toList());
  }
}
