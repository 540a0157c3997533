package org.apache.cassandra.utils;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public final class MD5Digest {
  private MD5Digest() {}
}
