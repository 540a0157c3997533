package org.apache.cassandra.transport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The native protocol versions, as Cassandra 5.0 names them to function bodies (its template
 * imports this class): v3 to v5 supported, v6 in beta, {@link #CURRENT} v5. Printed as
 * {@code 5/v5} ({@code 6/v6-beta}).
 */
public enum ProtocolVersion implements Comparable<ProtocolVersion> {
  V1(1, "v1", false), V2(2, "v2", false), V3(3, "v3", false), V4(4, "v4", false), V5(5, "v5", false),
  V6(6, "v6-beta", true);

  public static final EnumSet<ProtocolVersion> SUPPORTED = EnumSet.of(V3, V4, V5, V6);
  public static final EnumSet<ProtocolVersion> UNSUPPORTED = EnumSet.of(V1, V2);
  public static final ProtocolVersion CURRENT = V5;
  public static final Optional<ProtocolVersion> BETA = Optional.of(V6);

  private final int num;
  private final String descr;
  private final boolean beta;

  ProtocolVersion(int num, String descr, boolean beta) {
    this.num = num;
    this.descr = descr;
    this.beta = beta;
  }

  /** The supported versions' descriptions ({@code 3/v3}...). */
  public static List<String> supportedVersions() {
    List<String> out = new ArrayList<>();
    for (ProtocolVersion v : SUPPORTED) {
      out.add(v.toString());
    }
    return out;
  }

  /** The supported versions from {@code smallest} up. */
  public static List<ProtocolVersion> supportedVersionsStartingWith(ProtocolVersion smallest) {
    List<ProtocolVersion> out = new ArrayList<>();
    for (ProtocolVersion v : SUPPORTED) {
      if (v.isGreaterOrEqualTo(smallest)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The version numbered {@code version}, as 5.0 decodes a frame's: v3 to v6 (the beta v6 too);
   * any other number fails with 5.0's {@link ProtocolException} "Invalid or unsupported protocol
   * version (n); supported versions are (...)", and a version older than {@link #CURRENT} with
   * "Rejecting Protocol Version 3/v3 < 5/v5." unless {@code allowOlderProtocols}.
   */
  public static ProtocolVersion decode(int version, boolean allowOlderProtocols) {
    ProtocolVersion found = null;
    for (ProtocolVersion v : SUPPORTED) {
      if (v.num == version) {
        found = v;
      }
    }
    if (found == null) {
      throw new ProtocolException(invalidVersionMessage(version));
    }
    if (!allowOlderProtocols && found.isSmallerThan(CURRENT)) {
      throw new ProtocolException(String.format("Rejecting Protocol Version %s < %s.", found, CURRENT));
    }
    return found;
  }

  /** 5.0's message for an unsupported version number. */
  public static String invalidVersionMessage(int version) {
    return String.format("Invalid or unsupported protocol version (%d); supported versions are (%s)", version,
        String.join(", ", supportedVersions()));
  }

  public boolean isBeta() {
    return beta;
  }

  public int asInt() {
    return num;
  }

  @Override
  public String toString() {
    return num + "/" + descr;
  }

  public final boolean isGreaterThan(ProtocolVersion other) {
    return num > other.num;
  }

  public final boolean isGreaterOrEqualTo(ProtocolVersion other) {
    return num >= other.num;
  }

  public final boolean isSmallerThan(ProtocolVersion other) {
    return num < other.num;
  }

  public final boolean isSmallerOrEqualTo(ProtocolVersion other) {
    return num <= other.num;
  }
}
