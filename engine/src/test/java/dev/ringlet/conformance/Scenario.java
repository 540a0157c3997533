package dev.ringlet.conformance;

import java.util.List;

/** A scenario file: a name (the file name without {@code .cql}) and its statements in order. */
record Scenario(String name, List<ScenarioStatement> statements) {

  Scenario {
    statements = List.copyOf(statements);
  }
}
