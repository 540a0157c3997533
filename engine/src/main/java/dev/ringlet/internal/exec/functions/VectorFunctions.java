package dev.ringlet.internal.exec.functions;

import java.util.List;

/** Placeholder. */
final class VectorFunctions {

  private VectorFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of();
  }
}
