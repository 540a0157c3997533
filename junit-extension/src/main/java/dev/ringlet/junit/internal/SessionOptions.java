package dev.ringlet.junit.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the sessions handed to a class's tests talk to the cluster: the native protocol version and
 * the frame compression, as the driver's {@code advanced.protocol.version} and
 * {@code advanced.protocol.compression}. Validated here, once.
 *
 * @param protocolVersion {@code V3}, {@code V4} or {@code V5}, or {@code ""} for the version the
 *     driver negotiates
 * @param compression {@code lz4}, {@code snappy} or {@code none}
 */
public record SessionOptions(String protocolVersion, String compression) {

  private static final Set<String> VERSIONS = Set.of("", "V3", "V4", "V5");
  private static final Set<String> COMPRESSIONS = Set.of("lz4", "snappy", "none");

  /** The driver's defaults: negotiated version, no compression. */
  public static final SessionOptions DEFAULTS = new SessionOptions("", "none");

  public SessionOptions {
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    Objects.requireNonNull(compression, "compression");
    protocolVersion = protocolVersion.toUpperCase(Locale.ROOT);
    compression = compression.toLowerCase(Locale.ROOT);
    if (!VERSIONS.contains(protocolVersion)) {
      throw new IllegalArgumentException("protocolVersion: " + protocolVersion
          + " (expected: V3, V4, V5, or \"\" for the negotiated version)");
    }
    if (!COMPRESSIONS.contains(compression)) {
      throw new IllegalArgumentException("compression: " + compression + " (expected: lz4, snappy or none)");
    }
    if (compression.equals("snappy") && protocolVersion.equals("V5")) {
      throw new IllegalArgumentException("compression: snappy with protocolVersion V5 (expected: lz4 or none;"
          + " protocol v5 compresses only with lz4)");
    }
  }

  public boolean negotiated() {
    return protocolVersion.isEmpty();
  }
}
