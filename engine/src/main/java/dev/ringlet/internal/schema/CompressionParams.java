package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code compression} table option. {@code className} is null when compression is disabled
 * ({@code {'enabled': 'false'}}); {@code options} holds the compressor's own sub-options.
 */
public record CompressionParams(String className, int chunkLengthInKb, Map<String, String> options) {

  private static final String PACKAGE = "org.apache.cassandra.io.compress.";
  private static final int DEFAULT_CHUNK_LENGTH_KB = 16;

  public CompressionParams {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** LZ4 with 16 KiB chunks. */
  public static final CompressionParams DEFAULT = new CompressionParams(PACKAGE + "LZ4Compressor", DEFAULT_CHUNK_LENGTH_KB, Map.of());

  /** No compression. */
  public static final CompressionParams DISABLED = new CompressionParams(null, DEFAULT_CHUNK_LENGTH_KB, Map.of());

  private static final Set<String> COMMON = Set.of("class", "chunk_length_in_kb", "enabled", "min_compress_ratio", "max_compressed_length");

  /** The compressors Cassandra 5.0 ships, with their own sub-options. */
  private static final Map<String, Set<String>> COMPRESSORS = Map.of(
      "LZ4Compressor", Set.of("lz4_compressor_type", "lz4_high_compressor_level"),
      "SnappyCompressor", Set.of(),
      "DeflateCompressor", Set.of(),
      "ZstdCompressor", Set.of("compression_level"),
      "NoopCompressor", Set.of());

  /** Parses and validates a {@code compression} map literal; short class names are in Cassandra's compress package. */
  public static CompressionParams fromMap(Map<String, String> map) {
    String enabled = map.get("enabled");
    if (enabled != null && !Boolean.parseBoolean(enabled)) {
      if (map.size() > 1) {
        throw CqlException.config("If the 'enabled' option is set to false no other options must be specified");
      }
      return DISABLED;
    }
    String cls = map.get("class");
    if (cls == null) {
      throw CqlException.config("Missing sub-option 'class' for the 'compression' option.");
    }
    if (cls.isEmpty()) {
      throw CqlException.config("The 'class' option must not be empty. To disable compression use 'enabled' : false");
    }
    String fullName = cls.contains(".") ? cls : PACKAGE + cls;
    Set<String> own = fullName.startsWith(PACKAGE) ? COMPRESSORS.get(fullName.substring(PACKAGE.length())) : null;
    if (own == null) {
      throw CqlException.config("Could not create Compression for type " + fullName);
    }
    java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
    Map<String, String> options = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!COMMON.contains(e.getKey()) && !own.contains(e.getKey())) unknown.add(e.getKey());
      else if (!e.getKey().equals("class") && !e.getKey().equals("chunk_length_in_kb") && !e.getKey().equals("enabled")) {
        options.put(e.getKey(), e.getValue());
      }
    }
    if (!unknown.isEmpty()) {
      // Cassandra names only the first unknown option, in name order.
      throw CqlException.config("Unknown compression options " + unknown.first());
    }
    return new CompressionParams(fullName, chunkLength(map.get("chunk_length_in_kb")), options);
  }

  private static int chunkLength(String value) {
    if (value == null) return DEFAULT_CHUNK_LENGTH_KB;
    int kb;
    try {
      kb = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw CqlException.config("Invalid value for chunk_length_in_kb");
    }
    if (kb <= 0) {
      throw CqlException.config("Invalid negative or null chunk_length_in_kb");
    }
    if (Integer.bitCount(kb) != 1) {
      throw CqlException.config("chunk_length_in_kb must be a power of 2");
    }
    return kb;
  }

  public boolean enabled() {
    return className != null;
  }

  /** The map {@code system_schema.tables.compression} shows, sorted by key. */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>(options);
    if (!enabled()) {
      m.put("enabled", "false");
      return m;
    }
    m.put("chunk_length_in_kb", Integer.toString(chunkLengthInKb));
    m.put("class", className);
    return m;
  }
}
