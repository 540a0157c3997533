package dev.ringlet.internal.cluster;

/**
 * A range of the Murmur3 ring, {@code (start, end]} as Cassandra's ranges: a token belongs to the
 * range whose end is the first ring token at or after it. A range whose start is not below its end
 * wraps past the maximum token; {@code start == end} is the whole ring (a ring of one token).
 */
public record TokenRange(long start, long end) {

  public boolean contains(long token) {
    if (start < end) {
      return token > start && token <= end;
    }
    if (start == end) {
      return true;
    }
    return token > start || token <= end;
  }

  /** Whether any of the ranges contains the token. */
  public static boolean anyContains(java.util.Collection<TokenRange> ranges, long token) {
    for (TokenRange r : ranges) {
      if (r.contains(token)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "(" + start + "," + end + "]";
  }
}
