package dev.ringlet.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The golden file format: a few {@code #} comment lines, then one block per statement:
 *
 * <pre>
 * == 7 (line 21)
 * SELECT k, v FROM t WHERE k = 1
 * rows
 * columns: k int, v text (from golden_select.t)
 * row: 1 | 'one'
 * warning: ...
 * </pre>
 *
 * <p>The header line carries the statement number (compared) and the scenario line (not compared);
 * the next line is the statement text; then the answer lines until a blank line. No answer line
 * starts with {@code ==} or {@code #}, and none spans several lines (see {@link AnswerFormatter}).
 *
 * <p>Files recorded since errors' warnings are read from their ERROR frames say so in the header
 * ({@link #ERROR_WARNINGS}); in older files an error's warnings were the driver's, always none, so
 * they are not compared there ({@link #withoutErrorWarnings}).
 */
final class GoldenFile {

  private static final Pattern HEADER = Pattern.compile("== (\\d+) \\(line (\\d+)\\)");

  /** The header line of files whose error answers list the warnings their ERROR frames carried. */
  static final String ERROR_WARNINGS = "# Error answers list the warnings of their ERROR frames.";

  private GoldenFile() {}

  /** Whether {@code text} (a golden file) records the warnings of error answers. */
  static boolean recordsErrorWarnings(String text) {
    return text.lines().takeWhile(l -> l.isEmpty() || l.startsWith("#")).anyMatch(ERROR_WARNINGS::equals);
  }

  /** {@code answer} without the warnings after its error line (an answer that is no error is unchanged). */
  static StatementAnswer withoutErrorWarnings(StatementAnswer answer) {
    if (!answer.isError()) {
      return answer;
    }
    List<String> lines = new ArrayList<>();
    boolean afterError = false;
    for (String line : answer.lines()) {
      afterError |= line.startsWith(AnswerFormatter.ERROR_PREFIX);
      if (!(afterError && line.startsWith(AnswerFormatter.WARNING_PREFIX))) {
        lines.add(line);
      }
    }
    return new StatementAnswer(answer.number(), answer.line(), answer.cql(), lines);
  }

  static String render(String scenario, String source, List<StatementAnswer> answers) {
    StringBuilder out = new StringBuilder();
    out.append("# Golden answers of scenario ").append(scenario).append(", recorded from ").append(source)
        .append(".\n# Written by GoldenRecorder (tools/record-golden.sh); do not edit by hand.\n")
        .append(ERROR_WARNINGS).append('\n');
    for (StatementAnswer answer : answers) {
      out.append('\n')
          .append("== ").append(answer.number()).append(" (line ").append(answer.line()).append(")\n")
          .append(answer.cql()).append('\n');
      for (String line : answer.lines()) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  static List<StatementAnswer> parse(String fileName, String text) {
    List<StatementAnswer> answers = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      Matcher header = HEADER.matcher(line);
      if (!header.matches() || i + 1 >= lines.length) {
        throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": " + line
            + " (expected: a block header like '== 1 (line 3)' followed by the statement)");
      }
      String cql = lines[i + 1];
      i += 2;
      List<String> answerLines = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        answerLines.add(lines[i]);
        i++;
      }
      answers.add(new StatementAnswer(
          Integer.parseInt(header.group(1)), Integer.parseInt(header.group(2)), cql, answerLines));
    }
    return answers;
  }
}
