package dev.ringlet.internal.cluster;

/**
 * Why a replica failed a request, as Cassandra's {@code RequestFailureReason}: the code is what the
 * protocol v5 READ_FAILURE/WRITE_FAILURE reason map carries for each failed replica.
 */
public enum FailureReason {
  UNKNOWN(0),
  READ_TOO_MANY_TOMBSTONES(1),
  TIMEOUT(2),
  INCOMPATIBLE_SCHEMA(3);

  private final int code;

  FailureReason(int code) {
    this.code = code;
  }

  /** The reason's code in the protocol's reason map. */
  public int code() {
    return code;
  }

  /**
   * The reason a replica's failure answer names by its first word ({@code "READ_TOO_MANY_TOMBSTONES 100001"});
   * {@link #UNKNOWN} for any other text (an unexpected exception's message).
   */
  public static FailureReason ofFailureText(Object text) {
    if (text instanceof String s) {
      int space = s.indexOf(' ');
      String word = space < 0 ? s : s.substring(0, space);
      for (FailureReason r : values()) {
        if (r.name().equals(word)) {
          return r;
        }
      }
    }
    return UNKNOWN;
  }
}
