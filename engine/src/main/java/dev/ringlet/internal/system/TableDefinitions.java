package dev.ringlet.internal.system;

import dev.ringlet.internal.dht.NameUuids;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.ColumnMetadata.Kind;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compact notation for the built-in tables, turned into {@link TableMetadata}.
 *
 * <p>Each column is {@code "name type"} followed by its kind when it is not regular: {@code PK}
 * (partition key), {@code CK} or {@code CK DESC} (clustering, ascending or descending), or
 * {@code STATIC}, or {@code DROPPED} for a column Cassandra records as dropped at {@code Long.MAX_VALUE}
 * (it shows in {@code system_schema.dropped_columns} and DESCRIBE ... WITH INTERNALS). Key columns are listed in key order, which gives their positions. Options are
 * {@code WITH} options as the CQL parser hands them to {@link TableParams#withOptions}, except that
 * {@code compaction} is written {@code "Strategy,sub_option=value,..."}.
 *
 * <p>Like Cassandra, a built-in table's id is the name-based (MD5) uuid of its keyspace name
 * followed by its table name.
 */
final class TableDefinitions {

  private TableDefinitions() {}

  /** One built-in table, not yet tied to a keyspace. */
  record TableDefinition(String name, String comment, Map<String, Object> options, List<String> columns) {

    TableMetadata toMetadata(String keyspace, boolean virtual) {
      List<ColumnMetadata> partitionKey = new ArrayList<>();
      List<ColumnMetadata> clustering = new ArrayList<>();
      List<ColumnMetadata> others = new ArrayList<>();
      Map<String, dev.ringlet.internal.schema.DroppedColumn> dropped = new LinkedHashMap<>();
      for (String spec : columns) {
        if (spec.endsWith(" DROPPED")) {
          // a column 5.0 records as dropped for ever (Long.MAX_VALUE), e.g. system.local's thrift_version
          ColumnMetadata gone = column(strip(spec, " DROPPED"), 0, 0);
          dropped.put(gone.name(), new dev.ringlet.internal.schema.DroppedColumn(gone.name(), gone.type(), false, Long.MAX_VALUE));
          continue;
        }
        ColumnMetadata column = column(spec, partitionKey.size(), clustering.size());
        switch (column.kind()) {
          case PARTITION_KEY -> partitionKey.add(column);
          case CLUSTERING -> clustering.add(column);
          default -> others.add(column);
        }
      }
      // Built-in tables keep the 0.01 bloom filter chance even with leveled compaction (system.paxos).
      Map<String, Object> withBloom = new LinkedHashMap<>(options);
      withBloom.putIfAbsent("bloom_filter_fp_chance", "0.01");
      // altered(), not withOptions(): the chance is given, so there is nothing to derive from a new
      // table's defaults, and the first start skips comparing the defaults with themselves.
      TableParams params = TableParams.defaults().altered(withBloom).withComment(comment);
      boolean counter = false;
      for (ColumnMetadata c : others) {
        counter |= c.type() == dev.ringlet.internal.types.NativeType.COUNTER; // not by cql(): it builds every type's text
      }
      return new TableMetadata(keyspace, name, tableId(keyspace, name), partitionKey, clustering, others, params,
          counter, virtual, dropped);
    }
  }

  /** The id Cassandra gives a built-in table. */
  static UUID tableId(String keyspace, String table) {
    return NameUuids.of((keyspace + table).getBytes(StandardCharsets.UTF_8));
  }

  static TableDefinition table(String name, String comment, Map<String, Object> options, String... columns) {
    return new TableDefinition(name, comment, options, List.of(columns));
  }

  static Map<String, Object> options(String... keysAndValues) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = keysAndValues[i];
      String value = keysAndValues[i + 1];
      options.put(key, key.equals("compaction") ? compaction(value) : value);
    }
    return options;
  }

  private static Map<String, String> compaction(String value) {
    String[] parts = value.split(",");
    Map<String, String> map = new LinkedHashMap<>();
    map.put("class", parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      map.put(kv[0], kv[1]);
    }
    return map;
  }

  private static ColumnMetadata column(String spec, int partitionKeyCount, int clusteringCount) {
    String name = spec.substring(0, spec.indexOf(' '));
    String rest = spec.substring(name.length() + 1);
    if (rest.endsWith(" PK")) {
      return new ColumnMetadata(name, CqlTypeParser.parse(strip(rest, " PK")), Kind.PARTITION_KEY, partitionKeyCount, false);
    }
    if (rest.endsWith(" CK DESC")) {
      return new ColumnMetadata(name, CqlTypeParser.parse(strip(rest, " CK DESC")), Kind.CLUSTERING, clusteringCount, true);
    }
    if (rest.endsWith(" CK")) {
      return new ColumnMetadata(name, CqlTypeParser.parse(strip(rest, " CK")), Kind.CLUSTERING, clusteringCount, false);
    }
    if (rest.endsWith(" STATIC")) {
      return new ColumnMetadata(name, CqlTypeParser.parse(strip(rest, " STATIC")), Kind.STATIC, -1, false);
    }
    return new ColumnMetadata(name, CqlTypeParser.parse(rest), Kind.REGULAR, -1, false);
  }

  private static String strip(String s, String suffix) {
    return s.substring(0, s.length() - suffix.length());
  }
}
