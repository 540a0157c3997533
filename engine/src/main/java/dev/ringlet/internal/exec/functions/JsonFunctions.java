package dev.ringlet.internal.exec.functions;

import java.util.List;

/** Placeholder. */
final class JsonFunctions {

  private JsonFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of();
  }
}
