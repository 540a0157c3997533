package dev.ringlet.wire.internal;

import java.util.List;

/** The protocol versions this server speaks, and how they are named on the wire. */
final class ProtocolVersions {

  static final int V3 = 3;
  static final int V4 = 4;
  static final int V5 = 5;

  /**
   * As listed in SUPPORTED and in version errors ("num/vN"), lowest first. Cassandra 5.0 also
   * lists {@code 6/v6-beta}, which Ringlet does not speak.
   */
  static final List<String> SUPPORTED_NAMES = List.of("3/v3", "4/v4", "5/v5");

  private ProtocolVersions() {}

  static boolean isSupported(int version) {
    return version == V3 || version == V4 || version == V5;
  }

  static String name(int version) {
    return version + "/v" + version;
  }

  /** Cassandra's wording, which the drivers match to step down a version. */
  static String invalidVersionMessage(int version) {
    return "Invalid or unsupported protocol version (" + version + "); supported versions are ("
        + String.join(", ", SUPPORTED_NAMES) + ")";
  }
}
