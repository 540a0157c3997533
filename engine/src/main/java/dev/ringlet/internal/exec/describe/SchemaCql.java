package dev.ringlet.internal.exec.describe;

import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The CREATE statements DESCRIBE prints, formatted exactly as Cassandra 5.0 formats them. */
final class SchemaCql {

  private SchemaCql() {}

  static String keyspace(KeyspaceMetadata ks) {
    Map<String, String> replication = new TreeMap<>(ks.replication().asMap());
    String cls = replication.get("class");
    if (cls != null && cls.startsWith("org.apache.cassandra.locator.")) {
      replication.put("class", cls.substring("org.apache.cassandra.locator.".length()));
    }
    Map<String, String> ordered = new java.util.LinkedHashMap<>();
    ordered.put("class", replication.remove("class"));
    ordered.putAll(replication);
    return "CREATE KEYSPACE " + Identifiers.maybeQuote(ks.name()) + " WITH replication = " + map(ordered)
        + "  AND durable_writes = " + ks.durableWrites() + ";";
  }

  /** A virtual keyspace, as the commented structure Cassandra prints for it. */
  static String virtualKeyspace(KeyspaceMetadata ks) {
    return "/*\nWarning: Keyspace " + Identifiers.maybeQuote(ks.name()) + " is a virtual keyspace and cannot be recreated"
        + " with CQL.\nStructure, for reference:\nVIRTUAL KEYSPACE " + Identifiers.maybeQuote(ks.name()) + ";\n*/";
  }

  /** A virtual table, as the commented structure Cassandra prints for it: columns, key, clustering order, comment. */
  static String virtualTable(TableMetadata t) {
    String name = Identifiers.maybeQuote(t.keyspace()) + "." + Identifiers.maybeQuote(t.name());
    StringBuilder b = new StringBuilder("/*\nWarning: Table ").append(name)
        .append(" is a virtual table and cannot be recreated with CQL.\nStructure, for reference:\nVIRTUAL TABLE ")
        .append(name).append(" (\n");
    appendColumns(b, t);
    b.append(") WITH ");
    List<String> options = new ArrayList<>();
    if (!t.clustering().isEmpty()) {
      options.add(clusteringOrder(t));
    }
    options.add("comment = " + quote(t.params().comment()));
    b.append(String.join("\n    AND ", options)).append(";\n*/");
    return b.toString();
  }

  private static String clusteringOrder(TableMetadata t) {
    List<String> order = new ArrayList<>();
    for (ColumnMetadata c : t.clustering()) {
      order.add(Identifiers.maybeQuote(c.name()) + (c.reversed() ? " DESC" : " ASC"));
    }
    return "CLUSTERING ORDER BY (" + String.join(", ", order) + ")";
  }

  static String table(TableMetadata t) {
    return table(t, false);
  }

  /**
   * A table's CREATE statement; {@code withInternals} (DESCRIBE ... WITH INTERNALS) adds its {@code ID}
   * and its dropped columns, as 5.0 prints them: each dropped column declared after the live ones (a
   * re-added one only there, with its type when dropped), and after the statement one {@code ALTER
   * TABLE ... DROP ... USING TIMESTAMP} line per dropped column, followed by an {@code ALTER TABLE ...
   * ADD} line when a column of that name exists again, in {@link
   * dev.ringlet.internal.schema.DroppedColumnOrder Cassandra's order}.
   */
  static String table(TableMetadata t, boolean withInternals) {
    String name = Identifiers.maybeQuote(t.keyspace()) + "." + Identifiers.maybeQuote(t.name());
    StringBuilder b = new StringBuilder("CREATE TABLE ").append(name).append(" (\n");
    appendColumns(b, t, withInternals);
    b.append(") WITH ");
    List<String> options = new ArrayList<>();
    if (withInternals) {
      options.add("ID = " + t.id());
    }
    if (!t.clustering().isEmpty()) {
      options.add(clusteringOrder(t));
    }
    options.addAll(options(t.params()));
    b.append(String.join("\n    AND ", options)).append(';');
    if (withInternals) {
      for (dev.ringlet.internal.schema.DroppedColumn d : t.droppedColumns().values()) {
        b.append("\nALTER TABLE ").append(name).append(" DROP ").append(Identifiers.maybeQuote(d.name()))
            .append(" USING TIMESTAMP ").append(d.droppedTimeMicros()).append(';');
        ColumnMetadata current = t.column(d.name());
        if (current != null) {
          b.append("\nALTER TABLE ").append(name).append(" ADD ");
          appendColumn(b, current);
          b.append(';');
        }
      }
    }
    return b.toString();
  }

  /** The column declarations and the primary key, each line indented, up to the closing parenthesis. */
  private static void appendColumns(StringBuilder b, TableMetadata t) {
    appendColumns(b, t, false);
  }

  private static void appendColumns(StringBuilder b, TableMetadata t, boolean withDropped) {
    boolean inlineKey = t.partitionKey().size() == 1 && t.clustering().isEmpty();
    for (ColumnMetadata c : t.columnsInDescribeOrder()) {
      if (withDropped && t.droppedColumns().containsKey(c.name())) {
        continue; // declared below with its dropped type, and added again by an ALTER TABLE ADD line
      }
      b.append("    ");
      appendColumn(b, c);
      if (inlineKey && c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
        b.append(" PRIMARY KEY");
      }
      b.append(",\n");
    }
    if (withDropped) {
      for (dev.ringlet.internal.schema.DroppedColumn d : t.droppedColumns().values()) {
        b.append("    ").append(Identifiers.maybeQuote(d.name())).append(' ').append(d.type().cql());
        b.append(d.isStatic() ? " static,\n" : ",\n");
      }
    }
    if (inlineKey) {
      b.setLength(b.length() - 2);
      b.append('\n');
    } else {
      b.append("    PRIMARY KEY (").append(primaryKey(t)).append(")\n");
    }
  }

  /** {@code name type [static] [MASKED WITH f(...)]}. */
  private static void appendColumn(StringBuilder b, ColumnMetadata c) {
    b.append(Identifiers.maybeQuote(c.name())).append(' ').append(c.type().cql());
    if (c.isStatic()) {
      b.append(" static");
    }
    if (c.mask() != null) {
      b.append(" MASKED WITH ").append(mask(c.mask()));
    }
  }

  /** A column mask as 5.0 prints it: {@code system.mask_inner(1, null)}, {@code ks.f('x')}. */
  static String mask(dev.ringlet.internal.schema.ColumnMask m) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < m.argumentTypes().size(); i++) {
      java.nio.ByteBuffer v = m.argumentValues().get(i);
      args.add(v == null ? "null" : m.argumentTypes().get(i).toCqlLiteral(v.duplicate()));
    }
    return m.functionKeyspace() + "." + m.functionName() + "(" + String.join(", ", args) + ")";
  }

  /** The CREATE MATERIALIZED VIEW statement of a view, as DESCRIBE prints it. */
  static String view(TableMetadata v) {
    return view(v, false);
  }

  /** The CREATE MATERIALIZED VIEW statement; {@code withInternals} adds the view's {@code ID} first in its options. */
  static String view(TableMetadata v, boolean withInternals) {
    StringBuilder b = new StringBuilder("CREATE MATERIALIZED VIEW ")
        .append(Identifiers.maybeQuote(v.keyspace())).append('.').append(Identifiers.maybeQuote(v.name())).append(" AS\n    SELECT ");
    if (v.view().includeAllColumns()) {
      b.append('*');
    } else {
      b.append(String.join(", ", v.columns().stream().map(c -> Identifiers.maybeQuote(c.name())).toList()));
    }
    b.append("\n    FROM ").append(Identifiers.maybeQuote(v.keyspace())).append('.')
        .append(Identifiers.maybeQuote(v.view().baseTableName()));
    if (!v.view().whereClause().isEmpty()) {
      b.append("\n    WHERE ").append(v.view().whereClause());
    }
    String key = v.clustering().isEmpty() && v.partitionKey().size() > 1 ? "(" + primaryKey(v) + ")" : primaryKey(v);
    b.append("\n    PRIMARY KEY (").append(key).append(")\n WITH ");
    List<String> options = new ArrayList<>();
    if (withInternals) {
      options.add("ID = " + v.id());
    }
    if (!v.clustering().isEmpty()) {
      List<String> order = new ArrayList<>();
      for (ColumnMetadata c : v.clustering()) {
        order.add(Identifiers.maybeQuote(c.name()) + (c.reversed() ? " DESC" : " ASC"));
      }
      options.add("CLUSTERING ORDER BY (" + String.join(", ", order) + ")");
    }
    options.addAll(options(v.params()).stream().filter(o -> !o.startsWith("default_time_to_live")).toList());
    b.append(String.join("\n    AND ", options)).append(';');
    return b.toString();
  }

  private static String primaryKey(TableMetadata t) {
    List<String> pk = t.partitionKey().stream().map(c -> Identifiers.maybeQuote(c.name())).toList();
    String partition = pk.size() == 1 ? pk.get(0) : "(" + String.join(", ", pk) + ")";
    List<String> parts = new ArrayList<>();
    parts.add(partition);
    for (ColumnMetadata c : t.clustering()) {
      parts.add(Identifiers.maybeQuote(c.name()));
    }
    return String.join(", ", parts);
  }

  /** Table options in the order Cassandra 5.0 prints them. */
  private static List<String> options(TableParams p) {
    List<String> o = new ArrayList<>();
    o.add("additional_write_policy = " + quote(p.additionalWritePolicy()));
    o.add("allow_auto_snapshot = " + p.allowAutoSnapshot());
    o.add("bloom_filter_fp_chance = " + p.bloomFilterFpChance());
    o.add("caching = " + map(new TreeMap<>(p.caching().asMap())));
    o.add("cdc = " + p.cdc());
    o.add("comment = " + quote(p.comment()));
    o.add("compaction = " + map(new TreeMap<>(p.compaction().asMap())));
    o.add("compression = " + map(new TreeMap<>(p.compression().asMap())));
    o.add("memtable = " + quote(p.memtable()));
    o.add("crc_check_chance = " + p.crcCheckChance());
    o.add("default_time_to_live = " + p.defaultTimeToLive());
    o.add("extensions = " + (p.extensions().isEmpty() ? "{}" : extensions(p)));
    o.add("gc_grace_seconds = " + p.gcGraceSeconds());
    o.add("incremental_backups = " + p.incrementalBackups());
    o.add("max_index_interval = " + p.maxIndexInterval());
    o.add("memtable_flush_period_in_ms = " + p.memtableFlushPeriodInMs());
    o.add("min_index_interval = " + p.minIndexInterval());
    o.add("read_repair = " + quote(p.readRepair()));
    o.add("speculative_retry = " + quote(p.speculativeRetry()));
    return o;
  }

  private static String extensions(TableParams p) {
    List<String> entries = new ArrayList<>();
    new TreeMap<>(p.extensions()).forEach((k, v) -> {
      StringBuilder hex = new StringBuilder("0x");
      java.nio.ByteBuffer d = v.duplicate();
      while (d.hasRemaining()) {
        hex.append(String.format("%02x", d.get()));
      }
      entries.add(quote(k) + ": " + hex);
    });
    return "{" + String.join(", ", entries) + "}";
  }

  /** The CREATE TYPE statement of a user type. */
  static String type(dev.ringlet.internal.types.UserType u) {
    StringBuilder b = new StringBuilder("CREATE TYPE ").append(Identifiers.maybeQuote(u.keyspace())).append('.')
        .append(Identifiers.maybeQuote(u.name())).append(" (\n");
    for (int i = 0; i < u.fieldNames().size(); i++) {
      b.append("    ").append(Identifiers.maybeQuote(u.fieldNames().get(i))).append(' ').append(u.fieldTypes().get(i).cql());
      b.append(i + 1 < u.fieldNames().size() ? ",\n" : "\n");
    }
    return b.append(");").toString();
  }

  /** The CREATE [CUSTOM] INDEX statement of an index, as DESCRIBE prints it. */
  static String index(TableMetadata t, dev.ringlet.internal.schema.IndexMetadata i) {
    StringBuilder b = new StringBuilder(i.kind() == dev.ringlet.internal.schema.IndexMetadata.Kind.CUSTOM
        ? "CREATE CUSTOM INDEX " : "CREATE INDEX ");
    b.append(Identifiers.maybeQuote(i.name())).append(" ON ").append(Identifiers.maybeQuote(t.keyspace())).append('.')
        .append(Identifiers.maybeQuote(t.name())).append(" (").append(i.options().getOrDefault("target", "")).append(')');
    if (i.kind() == dev.ringlet.internal.schema.IndexMetadata.Kind.CUSTOM) {
      b.append(" USING ").append(quote(i.className()));
      if (!i.userOptions().isEmpty()) {
        b.append(" WITH OPTIONS = ").append(map(i.userOptions()));
      }
    }
    return b.append(';').toString();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String map(Map<String, String> m) {
    List<String> entries = new ArrayList<>();
    m.forEach((k, v) -> entries.add(quote(k) + ": " + quote(v)));
    return "{" + String.join(", ", entries) + "}";
  }
}
