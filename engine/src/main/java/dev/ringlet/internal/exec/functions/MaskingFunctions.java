package dev.ringlet.internal.exec.functions;

import java.util.List;

/** Placeholder. */
final class MaskingFunctions {

  private MaskingFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of();
  }
}
