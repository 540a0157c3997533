package dev.ringlet.conformance;

import java.util.List;

/**
 * What a server answered to one scenario statement, as the text lines of the golden format.
 *
 * @param number the statement's 1-based position in its scenario
 * @param line the scenario file line where the statement starts (informative, not compared)
 * @param cql the statement text
 * @param lines the answer: {@code ok}, {@code rows} or {@code error: ...} first, then details
 */
record StatementAnswer(int number, int line, String cql, List<String> lines) {

  StatementAnswer {
    lines = List.copyOf(lines);
  }

  /** Whether the statement failed; a prepared statement's answer starts with its variables line. */
  boolean isError() {
    return lines.stream().anyMatch(l -> l.startsWith(AnswerFormatter.ERROR_PREFIX));
  }
}
