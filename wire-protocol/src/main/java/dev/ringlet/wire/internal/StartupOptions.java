package dev.ringlet.wire.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks Cassandra 5.0 makes on STARTUP options, as a pure function of the options. Messages
 * are Cassandra's.
 */
final class StartupOptions {

  static final String CQL_VERSION = "CQL_VERSION";
  static final String COMPRESSION = "COMPRESSION";

  /** major.minor[.patch][-prerelease][+build], as Cassandra's version parser accepts. */
  private static final Pattern VERSION =
      Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-[.\\w]+)?(?:[.+][.\\w]+)?");

  private StartupOptions() {}

  /** Cassandra upper-cases option names and keeps values as sent. */
  static Map<String, String> normalize(Map<String, String> options) {
    Map<String, String> upper = new HashMap<>();
    options.forEach((key, value) -> upper.put(key.toUpperCase(Locale.ROOT), value));
    return upper;
  }

  /**
   * @param options normalized options
   * @param version the protocol version of the STARTUP frame
   * @return why STARTUP is refused, or {@code null} when it is accepted
   */
  static String problem(Map<String, String> options, int version) {
    String cqlVersion = options.get(CQL_VERSION);
    if (cqlVersion == null) {
      return "Missing value CQL_VERSION in STARTUP message";
    }
    Matcher matcher = VERSION.matcher(cqlVersion);
    if (!matcher.matches()) {
      return "Invalid version value: " + cqlVersion;
    }
    if (isBefore2_99(matcher)) {
      return "CQL version " + cqlVersion
          + " is not supported by the binary protocol (supported version are >= 3.0.0)";
    }
    String compression = compression(options);
    if ("snappy".equals(compression) && version >= ProtocolVersions.V5) {
      return "Snappy compression is not supported in protocol V5";
    }
    if (compression != null && !FrameCodecs.COMPRESSIONS.contains(compression)) {
      return "Unknown compression algorithm: " + compression;
    }
    return null;
  }

  /** The requested compression, lower-cased, or {@code null} when none was asked for. */
  static String compression(Map<String, String> options) {
    String compression = options.get(COMPRESSION);
    return compression == null ? null : compression.toLowerCase(Locale.ROOT);
  }

  private static boolean isBefore2_99(Matcher version) {
    int major = Integer.parseInt(version.group(1));
    int minor = Integer.parseInt(version.group(2));
    return major < 2 || (major == 2 && minor < 99);
  }
}
