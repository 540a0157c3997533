package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;

/**
 * Function calls used as terms ({@code now()}, {@code uuid()}, ...). Only the functions that
 * produce values for writes are here; selector functions live with the selection.
 */
public final class TermFunctions {

  private final dev.ringlet.internal.time.Clock clock;
  private final TimeUuids timeUuids;

  public TermFunctions(dev.ringlet.internal.time.Clock clock) {
    this.clock = clock;
    this.timeUuids = new TimeUuids(clock);
  }

  public BoundTerm compile(Term.FunctionCall call, ColumnSpec receiver, TermCompiler compiler) {
    String name = call.function().name();
    String ks = call.function().keyspace();
    if (ks != null && !ks.equals("system")) {
      throw CqlException.invalid("Unknown function " + call.function());
    }
    if (!call.arguments().isEmpty()) {
      throw CqlException.invalid("Unknown function " + call.function() + " with " + call.arguments().size() + " arguments");
    }
    return switch (name) {
      case "now", "currenttimeuuid" -> v -> uuidBytes(timeUuids.next());
      case "uuid" -> v -> uuidBytes(java.util.UUID.randomUUID());
      case "currenttimestamp" -> v -> longBytes(clock.currentTimeMillis());
      default -> throw CqlException.invalid("Unknown function " + call.function());
    };
  }

  private static java.nio.ByteBuffer uuidBytes(java.util.UUID u) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
    b.putLong(0, u.getMostSignificantBits());
    b.putLong(8, u.getLeastSignificantBits());
    return b;
  }

  private static java.nio.ByteBuffer longBytes(long v) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
    b.putLong(0, v);
    return b;
  }
}
