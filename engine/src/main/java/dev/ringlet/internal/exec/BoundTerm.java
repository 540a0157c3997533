package dev.ringlet.internal.exec;

import java.nio.ByteBuffer;

/**
 * A term compiled against the column (or other receiver) it is assigned to or compared with:
 * constants are parsed once at prepare time, markers read the bound values at execution.
 */
@FunctionalInterface
public interface BoundTerm {

  /** The serialized value, null for null, {@link QueryOptions#UNSET} for an unset marker. */
  ByteBuffer bind(BoundValues values);

  static BoundTerm constant(ByteBuffer value) {
    return values -> value;
  }
}
