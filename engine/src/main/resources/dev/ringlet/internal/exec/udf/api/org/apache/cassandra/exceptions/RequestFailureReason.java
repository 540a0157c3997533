package org.apache.cassandra.exceptions;

/** 5.0's reasons a replica gives for failing a request, with their codes on the wire. */
public enum RequestFailureReason {
  UNKNOWN(0), READ_TOO_MANY_TOMBSTONES(1), TIMEOUT(2), INCOMPATIBLE_SCHEMA(3), READ_SIZE(4), NODE_DOWN(5),
  INDEX_NOT_AVAILABLE(6), READ_TOO_MANY_INDEXES(7);

  /** 5.0's serializer of reasons; its methods take stream types the sandbox hides, so bodies can only name it. */
  public static final Serializer serializer = new Serializer();

  public final int code;

  RequestFailureReason(int code) {
    this.code = code;
  }

  /** The reason of a code: {@code UNKNOWN} for a code 5.0 does not know, 5.0's message for a negative one. */
  public static RequestFailureReason fromCode(int code) {
    if (code < 0) {
      throw new IllegalArgumentException("RequestFailureReason code must be non-negative (got " + code + ")");
    }
    for (RequestFailureReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNKNOWN;
  }

  /**
   * The reason a replica gives for an exception: {@code INCOMPATIBLE_SCHEMA} for an {@link
   * IncompatibleSchemaException}, else {@code UNKNOWN} (5.0's {@code READ_TOO_MANY_TOMBSTONES} is for
   * an exception bodies cannot name).
   */
  public static RequestFailureReason forException(Throwable t) {
    return t instanceof IncompatibleSchemaException ? INCOMPATIBLE_SCHEMA : UNKNOWN;
  }

  /** 5.0's {@code RequestFailureReason.Serializer}. */
  public static final class Serializer {
    private Serializer() {}
  }
}
