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
 */
final class GoldenFile {

  private static final Pattern HEADER = Pattern.compile("== (\\d+) \\(line (\\d+)\\)");

  private GoldenFile() {}

  static String render(String scenario, String source, List<StatementAnswer> answers) {
    StringBuilder out = new StringBuilder();
    out.append("# Golden answers of scenario ").append(scenario).append(", recorded from ").append(source)
        .append(".\n# Written by GoldenRecorder (tools/record-golden.sh); do not edit by hand.\n");
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
