package dev.ringlet.internal.node;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.exec.describe.DescribeExecutor;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.UserType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.ringlet.internal.schema.DroppedColumn;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A durable node's user schema, kept as the CQL that recreates it ({@code schema.cql} in the node's
 * directory): rewritten after every schema change (made here or received from a peer), executed at
 * start before the commit log is replayed. What DESCRIBE does not show is kept too, so that the
 * schema is identical after a restart: each {@code CREATE TABLE} and {@code MATERIALIZED VIEW} carries its id
 * ({@code AND id = ...}, as Cassandra's {@code WITH ID}), and comment lines keep the schema version
 * and sync epoch ({@code -- ringlet:version <uuid> <epoch>}) and every dropped-column record with its
 * drop time ({@code -- ringlet:dropped <keyspace> <table> <micros> <static|regular> <name> <type>}),
 * applied after the statements ran.
 */
final class SchemaFile {

  private static final String SEPARATOR = "\n-- ringlet:statement\n";

  private SchemaFile() {}

  /** What a schema file restores beyond its statements. */
  record Saved(UUID version, long epoch) {}

  private static final String VERSION = "-- ringlet:version ";
  private static final String DROPPED = "-- ringlet:dropped ";
  private static final String DATACENTERS = "-- ringlet:datacenters";
  private static final String LEFTOVER_MASK = "-- ringlet:leftover-mask ";

  static void write(Path file, Schema schema, long epoch) {
    StringBuilder out = new StringBuilder("-- Ringlet user schema, rewritten after every schema change\n");
    out.append(VERSION).append(schema.version()).append(' ').append(epoch).append('\n');
    Set<String> dcs = new java.util.TreeSet<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (!ks.virtual() && !SystemNames.isSystem(ks.name()) && ks.replication().strategyClass().endsWith("NetworkTopologyStrategy")) {
        ks.replication().options().keySet().stream().filter(k -> !"class".equals(k) && !"replication_factor".equals(k))
            .forEach(dcs::add);
      }
    }
    out.append(DATACENTERS);
    dcs.forEach(dc -> out.append(' ').append(dc)); // names of datacenters cannot hold spaces
    out.append('\n');
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual() || SystemNames.isSystem(ks.name())) {
        continue;
      }
      for (TableMetadata t : ks.tables().values()) {
        for (DroppedColumn d : t.droppedColumns().values()) {
          out.append(DROPPED).append(ks.name()).append(' ').append(t.name()).append(' ').append(d.droppedTimeMicros()).append(' ')
              .append(d.isStatic() ? "static" : "regular").append(' ').append(Identifiers.maybeQuote(d.name())).append(' ')
              .append(d.type().cql()).append('\n');
        }
      }
    }
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (!ks.virtual() && !SystemNames.isSystem(ks.name())) {
        ks.leftoverMasks().forEach((key, mask) -> out.append(LEFTOVER_MASK).append(leftoverMask(ks.name(), key, mask)).append('\n'));
      }
    }
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (SystemNames.isSystem(ks.name()) || ks.virtual()) {
        continue;
      }
      Result r = DescribeExecutor.describe(new Statement.Describe("KEYSPACE", new QualifiedName(null, ks.name()), false, false,
          List.of()), schema, new ClientSession());
      List<List<ByteBuffer>> rows = ((Result.Rows) r).rows();
      out.append(SEPARATOR).append(text(rows.get(0).get(3)));
      for (UserType t : typesInOrder(ks)) {
        out.append(SEPARATOR).append(createType(t));
      }
      for (int i = 1; i < rows.size(); i++) {
        String kind = text(rows.get(i).get(1));
        if ("table".equals(kind) || "materialized_view".equals(kind)) {
          TableMetadata t = ks.tables().get(text(rows.get(i).get(2)));
          out.append(SEPARATOR).append(withId(text(rows.get(i).get(3)), t));
        } else if (!"type".equals(kind)) { // types come first, in dependency order, above
          out.append(SEPARATOR).append(text(rows.get(i).get(3)));
        }
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the schema to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The datacenters the saved keyspaces name (NetworkTopologyStrategy), or none. */
  static Set<String> datacenters(Path file) {
    if (!Files.exists(file)) {
      return Set.of();
    }
    try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith(DATACENTERS)).findFirst()
          .map(l -> Set.of(l.substring(DATACENTERS.length()).trim().split(" ")).stream().filter(d -> !d.isEmpty())
              .collect(java.util.stream.Collectors.toSet()))
          .orElse(Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema from " + file + ": " + e.getMessage(), e);
    }
  }

  /** DESCRIBE's CREATE TABLE or MATERIALIZED VIEW (ending in {@code ;}) with the table's id as its last option. */
  private static String withId(String create, TableMetadata table) {
    String trimmed = create.stripTrailing();
    if (table == null || !trimmed.endsWith(";")) {
      return create;
    }
    trimmed = withEmptyTypesQuoted(trimmed, table);
    trimmed = withReversedTypesQuoted(trimmed, table);
    return trimmed.substring(0, trimmed.length() - 1) + "\n    AND id = '" + table.id() + "';";
  }

  /**
   * DESCRIBE prints an {@code EmptyType} column's type as {@code empty}, which CQL does not read
   * back (5.0 reloads it from system_schema instead): the saved statement names the class.
   */
  private static String withEmptyTypesQuoted(String create, TableMetadata table) {
    String out = create;
    for (dev.ringlet.internal.schema.ColumnMetadata c : table.columns()) {
      String type = c.type().cql();
      if (type.matches(".*\\bempty\\b.*")) {
        String quoted = type.replaceAll("\\bempty\\b", "'org.apache.cassandra.db.marshal.EmptyType'");
        out = out.replace("\n    " + Identifiers.maybeQuote(c.name()) + " " + type, "\n    " + Identifiers.maybeQuote(c.name()) + " " + quoted);
      }
    }
    return out;
  }

  /**
   * DESCRIBE prints a {@code DateType} column as {@code timestamp}, and a column of 5.0's
   * {@code ReversedType(ReversedType(t))} as {@code t}, which reads
   * back as another type (5.0 reloads such a column from system_schema as a single ReversedType, with its
   * data in the other order): the saved statement names the class, a clustering column's {@code DESC}
   * giving the outer ReversedType back.
   */
  private static String withReversedTypesQuoted(String create, TableMetadata table) {
    String out = create;
    for (dev.ringlet.internal.schema.ColumnMetadata c : table.columns()) {
      if (c.type() == dev.ringlet.internal.types.CustomType.DATE) {
        // a DateType column reloaded as a timestamp would order its pre-1970 values the other way
        String name = "\n    " + Identifiers.maybeQuote(c.name()) + " ";
        out = out.replace(name + "timestamp", name + "'org.apache.cassandra.db.marshal.DateType'");
      }
      if (c.type() instanceof dev.ringlet.internal.types.CustomType custom
          && (custom.reversedBase() != null || custom.wrapped() != null)) {
        // a ReversedType of a collection is one already; a clustering column's DESC gives it back otherwise
        String className = custom.wrapped() != null
            || c.kind() == dev.ringlet.internal.schema.ColumnMetadata.Kind.CLUSTERING && c.reversed()
            ? custom.className() : "org.apache.cassandra.db.marshal.ReversedType(" + custom.className() + ")";
        String name = "\n    " + Identifiers.maybeQuote(c.name()) + " ";
        out = out.replace(name + c.type().cql(), name + "'" + className + "'");
        if (custom.wrapped() != null && c.kind() == dev.ringlet.internal.schema.ColumnMetadata.Kind.CLUSTERING) {
          out = ascending(out, Identifiers.maybeQuote(c.name())); // its ReversedType makes it descending again
        }
      }
    }
    return out;
  }

  /** The statement with {@code column DESC} written {@code column ASC} in its CLUSTERING ORDER BY. */
  private static String ascending(String create, String column) {
    int start = create.indexOf("CLUSTERING ORDER BY (");
    int end = start < 0 ? -1 : create.indexOf(')', start);
    if (end < 0) {
      return create;
    }
    String order = (create.substring(start, end) + ",").replace("(" + column + " DESC,", "(" + column + " ASC,")
        .replace(" " + column + " DESC,", " " + column + " ASC,");
    return create.substring(0, start) + order.substring(0, order.length() - 1) + create.substring(end);
  }

  /**
   * Executes the saved statements, if any, then restores the dropped-column records (into the
   * schema, and into {@code tables}' stores); returns the saved version and epoch, or null when
   * there was no file (or one written before versions were saved).
   */
  static Saved load(Path file, QueryProcessor processor, SchemaManager schema) {
    if (!Files.exists(file)) {
      return null;
    }
    String all;
    try {
      all = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema from " + file + ": " + e.getMessage(), e);
    }
    String[] statements = all.split(SEPARATOR);
    ClientSession session = new ClientSession();
    for (int i = 1; i < statements.length; i++) {
      processor.query(statements[i], QueryOptions.simple(List.of()), session);
    }
    Saved saved = null;
    Map<String, Map<String, DroppedColumn>> dropped = new LinkedHashMap<>();
    for (String line : statements[0].split("\n")) {
      if (line.startsWith(VERSION)) {
        String[] parts = line.substring(VERSION.length()).trim().split(" ");
        saved = new Saved(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
      } else if (line.startsWith(LEFTOVER_MASK)) {
        restoreLeftoverMask(line.substring(LEFTOVER_MASK.length()), schema);
      } else if (line.startsWith(DROPPED)) {
        String[] parts = line.substring(DROPPED.length()).split(" ", 6);
        KeyspaceMetadata ks = schema.current().keyspace(parts[0]);
        if (ks == null || ks.tables().get(parts[1]) == null) {
          continue;
        }
        String name = unquote(parts[4]);
        CqlType type = dev.ringlet.internal.types.CqlTypes.parse(parts[5], ks.types()::get);
        dropped.computeIfAbsent(parts[0] + "\u0000" + parts[1], k -> new LinkedHashMap<>())
            .put(name, new DroppedColumn(name, type, "static".equals(parts[3]), Long.parseLong(parts[2])));
      }
    }
    if (!dropped.isEmpty()) {
      Schema current = schema.current();
      Map<String, KeyspaceMetadata> keyspaces = new LinkedHashMap<>(current.keyspaces());
      for (Map.Entry<String, Map<String, DroppedColumn>> e : dropped.entrySet()) {
        String[] names = e.getKey().split("\u0000");
        KeyspaceMetadata ks = keyspaces.get(names[0]);
        // in 5.0's order for a table loaded from system_schema, which may differ from the order before the restart
        keyspaces.put(names[0], ks.withTable(ks.tables().get(names[1])
            .withDroppedColumns(dev.ringlet.internal.schema.DroppedColumnOrder.loaded(e.getValue().values()))));
      }
      schema.install(new Schema(current.version(), keyspaces));
    }
    if (saved != null) {
      schema.install(new Schema(saved.version(), schema.current().keyspaces()));
    }
    return saved;
  }

  /**
   * A leftover {@code system_schema.column_masks} row (see {@code LeftoverMask}) on one line: its
   * keyspace, table, column, function keyspace and name, then each argument's type and value (hex,
   * or {@code null}); fields separated by spaces, names and types in Base64 (they may hold spaces).
   */
  private static String leftoverMask(String keyspace, dev.ringlet.internal.schema.LeftoverMask.Key key,
      dev.ringlet.internal.schema.ColumnMask mask) {
    StringBuilder line = new StringBuilder();
    for (String field : List.of(keyspace, key.table(), key.column(), mask.functionKeyspace(), mask.functionName())) {
      line.append(base64(field)).append(' ');
    }
    line.append(mask.argumentTypes().size());
    for (int i = 0; i < mask.argumentTypes().size(); i++) {
      ByteBuffer v = mask.argumentValues().get(i);
      line.append(' ').append(base64(mask.argumentTypes().get(i).cql())).append(' ')
          .append(v == null ? "null" : java.util.HexFormat.of().formatHex(bytes(v)));
    }
    return line.toString();
  }

  private static void restoreLeftoverMask(String line, SchemaManager schema) {
    String[] f = line.split(" ");
    KeyspaceMetadata ks = schema.current().keyspace(unbase64(f[0]));
    if (ks == null) {
      return;
    }
    int n = Integer.parseInt(f[5]);
    List<CqlType> types = new ArrayList<>(n);
    List<ByteBuffer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(dev.ringlet.internal.types.CqlTypes.parse(unbase64(f[6 + 2 * i]), ks.types()::get));
      String v = f[7 + 2 * i];
      values.add("null".equals(v) ? null : ByteBuffer.wrap(java.util.HexFormat.of().parseHex(v)));
    }
    Map<dev.ringlet.internal.schema.LeftoverMask.Key, dev.ringlet.internal.schema.ColumnMask> leftovers =
        new LinkedHashMap<>(ks.leftoverMasks());
    leftovers.put(new dev.ringlet.internal.schema.LeftoverMask.Key(unbase64(f[1]), unbase64(f[2])),
        new dev.ringlet.internal.schema.ColumnMask(unbase64(f[3]), unbase64(f[4]), types, values));
    Schema current = schema.current();
    schema.install(current.with(ks.withLeftoverMasks(leftovers), current.version()));
  }

  private static byte[] bytes(ByteBuffer v) {
    byte[] b = new byte[v.remaining()];
    v.duplicate().get(b);
    return b;
  }

  private static String base64(String s) {
    return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unbase64(String s) {
    return new String(java.util.Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }

  private static String unquote(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier;
  }

  private static String text(ByteBuffer b) {
    return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }

  /** User types, each after the types its fields use. */
  private static List<UserType> typesInOrder(KeyspaceMetadata ks) {
    Set<String> done = new LinkedHashSet<>();
    List<UserType> ordered = new ArrayList<>();
    List<UserType> pending = new ArrayList<>(ks.types().values());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (UserType t : new ArrayList<>(pending)) {
        boolean ready = true;
        for (CqlType f : t.fieldTypes()) {
          for (UserType used : ks.types().values()) {
            if (!used.name().equals(t.name()) && !done.contains(used.name())
                && java.util.regex.Pattern.compile("(^|[^A-Za-z0-9_\"])" + java.util.regex.Pattern.quote(
                    used.freeze().cql().substring("frozen<".length()).replace(">", "")) + "($|[^A-Za-z0-9_\"])")
                .matcher(f.cql()).find()) {
              ready = false;
            }
          }
        }
        if (ready) {
          ordered.add(t);
          done.add(t.name());
          pending.remove(t);
          progress = true;
        }
      }
      if (!progress) {
        ordered.addAll(pending);
        break;
      }
    }
    return ordered;
  }

  private static String createType(UserType t) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < t.fieldNames().size(); i++) {
      fields.add(Identifiers.maybeQuote(t.fieldNames().get(i)) + " " + t.fieldTypes().get(i).cql());
    }
    return "CREATE TYPE " + Identifiers.maybeQuote(t.keyspace()) + "." + Identifiers.maybeQuote(t.name()) + " ("
        + String.join(", ", fields) + ");";
  }
}
