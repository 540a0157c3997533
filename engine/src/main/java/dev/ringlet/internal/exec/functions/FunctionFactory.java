package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.CqlType;
import java.util.List;

/**
 * A function whose signature depends on its arguments' types (Cassandra's {@code FunctionFactory}):
 * {@code map_keys}, {@code mask_*}, {@code toJson}, the vector similarities... It checks the
 * arguments itself, with the function's own messages.
 */
interface FunctionFactory {

  String name();

  /** The overload for these arguments; {@code receiver} is the assigned type for terms, else null. */
  NativeFunction resolve(List<FunctionArg> args, CqlType receiver);
}
