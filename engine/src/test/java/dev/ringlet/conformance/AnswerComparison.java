package dev.ringlet.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a scenario's answers with its golden answers and describes every difference in words a
 * reader can act on: the statement, what Cassandra answered and what the target answered.
 */
final class AnswerComparison {

  private AnswerComparison() {}

  /** The differences, empty when the answers match. */
  static List<String> compare(
      String scenario, List<StatementAnswer> golden, List<StatementAnswer> actual, KnownDifferences known) {
    List<String> problems = new ArrayList<>();
    if (golden.size() != actual.size()) {
      problems.add("the golden file has " + golden.size() + " statements, the scenario has " + actual.size()
          + ": the golden file is stale, re-record it (tools/record-golden.sh)");
      return problems;
    }
    for (int i = 0; i < golden.size(); i++) {
      StatementAnswer expected = golden.get(i);
      StatementAnswer got = actual.get(i);
      if (!expected.cql().equals(got.cql())) {
        problems.add("#" + got.number() + " is `" + got.cql() + "` in the scenario but `" + expected.cql()
            + "` in the golden file: the golden file is stale, re-record it (tools/record-golden.sh)");
        continue;
      }
      Optional<Leniency> leniency = known.find(scenario, got.number()).map(KnownDifferences.Entry::leniency);
      List<String> want = comparable(expected, leniency);
      List<String> have = comparable(got, leniency);
      if (!want.equals(have)) {
        problems.add(describe(got, leniency, want, have));
      }
    }
    return problems;
  }

  /** The lines that count under the leniency. */
  private static List<String> comparable(StatementAnswer answer, Optional<Leniency> leniency) {
    if (leniency.isEmpty()) {
      return answer.lines();
    }
    switch (leniency.get()) {
      case SKIP:
        return List.of();
      case ERROR_CODE:
        return answer.isError()
            ? answer.lines().stream()
                .filter(l -> l.startsWith(AnswerFormatter.ERROR_PREFIX) || l.startsWith(AnswerFormatter.VARIABLES_PREFIX))
                .toList()
            : answer.lines();
      case IGNORE_WARNINGS:
        return answer.lines().stream().filter(l -> !l.startsWith(AnswerFormatter.WARNING_PREFIX)).toList();
      default:
        throw new IllegalStateException("unhandled leniency " + leniency.get());
    }
  }

  private static String describe(
      StatementAnswer statement, Optional<Leniency> leniency, List<String> want, List<String> have) {
    StringBuilder out = new StringBuilder();
    out.append("#").append(statement.number()).append(" (line ").append(statement.line()).append("): ")
        .append(statement.cql());
    leniency.ifPresent(l -> out.append("  [compared as ").append(l.keyword()).append("]"));
    out.append("\n    Cassandra answered:");
    for (String line : want) {
      out.append(have.contains(line) ? "\n        " : "\n      - ").append(line);
    }
    out.append("\n    the target answered:");
    for (String line : have) {
      out.append(want.contains(line) ? "\n        " : "\n      + ").append(line);
    }
    return out.toString();
  }
}
