package dev.ringlet.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files ({@code *.cql}).
 *
 * <p>Format: a statement runs until a line that ends with {@code ;}; its lines are joined by single
 * spaces. Lines starting with {@code --} are comments. A comment of the form {@code -- @name args}
 * is a directive for the next statement only:
 *
 * <ul>
 *   <li>{@code -- @paging N}: fetch size N, every page is recorded separately;
 *   <li>{@code -- @ignore-values col1, col2}: these result columns vary between runs;
 *   <li>{@code -- @consistency LEVEL}: run at that consistency level;
 *   <li>{@code -- @bind lit1, lit2}: prepare the statement and bind these CQL literals (parsed with
 *       the driver's codec for each bind variable's type); {@code -- @bind} alone binds nothing;
 *   <li>{@code -- @login user password}: run it in a session logged in as that role (scenarios
 *       named {@code auth_*}, which run on a node with authentication).
 * </ul>
 */
final class ScenarioReader {

  private ScenarioReader() {}

  /** Every {@code *.cql} file of the folder, by file name. */
  static List<Scenario> readFolder(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".cql"))
          .sorted()
          .map(ScenarioReader::readFile)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list scenarios in " + folder, e);
    }
  }

  static Scenario readFile(Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".cql".length());
    try {
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario " + file, e);
    }
  }

  static Scenario parse(String name, String text) {
    List<ScenarioStatement> statements = new ArrayList<>();
    Directives pending = Directives.NONE;
    StringBuilder current = null;
    int startLine = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.startsWith("--")) {
        String comment = line.substring(2).strip();
        if (comment.startsWith("@")) {
          if (current != null) {
            throw error(name, lineNumber, "directive inside a statement");
          }
          pending = applyDirective(pending, comment, name, lineNumber);
        }
        continue;
      }
      if (line.isEmpty() && current == null) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        startLine = lineNumber;
      } else if (!line.isEmpty()) {
        current.append(' ');
      }
      current.append(line);
      if (line.endsWith(";")) {
        String cql = current.substring(0, current.length() - 1).strip();
        statements.add(new ScenarioStatement(statements.size() + 1, startLine, cql, pending));
        current = null;
        pending = Directives.NONE;
      }
    }
    if (current != null) {
      throw error(name, startLine, "statement does not end with ';'");
    }
    if (pending != Directives.NONE) {
      throw error(name, lines.length, "directive without a statement after it");
    }
    return new Scenario(name, statements);
  }

  private static Directives applyDirective(Directives directives, String comment, String file, int line) {
    int space = comment.indexOf(' ');
    String directive = space < 0 ? comment : comment.substring(0, space);
    String argument = space < 0 ? "" : comment.substring(space + 1).strip();
    switch (directive) {
      case "@paging":
        try {
          int size = Integer.parseInt(argument);
          if (size <= 0) {
            throw error(file, line, "@paging: " + argument + " (expected: a positive fetch size)");
          }
          return directives.withPageSize(size);
        } catch (NumberFormatException e) {
          throw error(file, line, "@paging: " + argument + " (expected: a positive fetch size)");
        }
      case "@ignore-values":
        Set<String> columns = new LinkedHashSet<>(directives.ignoredColumns());
        for (String column : argument.split(",")) {
          if (!column.isBlank()) {
            columns.add(column.strip());
          }
        }
        return directives.withIgnoredColumns(columns);
      case "@consistency":
        if (argument.isEmpty()) {
          throw error(file, line, "@consistency: missing level (expected: e.g. ONE, QUORUM)");
        }
        return directives.withConsistency(argument);
      case "@bind":
        return directives.withBindValues(splitLiterals(argument).stream().map(ScenarioReader::expandRange).toList());
      case "@login":
        String[] credentials = argument.split("\\s+");
        if (credentials.length != 2) {
          throw error(file, line, "@login: " + argument + " (expected: user password)");
        }
        return directives.withLogin(credentials[0], credentials[1]);
      default:
        throw error(file, line, "unknown directive " + directive
            + " (expected: @paging, @ignore-values, @consistency, @bind or @login)");
    }
  }

  private static final java.util.regex.Pattern INT_RANGE =
      java.util.regex.Pattern.compile("([\\[{])\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*([]}])");

  /**
   * A bind literal {@code {a..b}} (or {@code [a..b]}) stands for the set (list) of the integers
   * from a to b: scenarios bind collections of thousands of elements without spelling them out.
   */
  static String expandRange(String literal) {
    java.util.regex.Matcher m = INT_RANGE.matcher(literal);
    if (!m.matches()) {
      return literal;
    }
    long from = Long.parseLong(m.group(2));
    long to = Long.parseLong(m.group(3));
    StringBuilder out = new StringBuilder(m.group(1));
    for (long i = from; i <= to; i++) {
      out.append(i == from ? "" : ", ").append(i);
    }
    return out.append(m.group(4)).toString();
  }

  /** Splits CQL literals on the commas that are outside quotes and brackets. */
  static List<String> splitLiterals(String text) {
    List<String> values = new ArrayList<>();
    if (text.isBlank()) {
      return values;
    }
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // a doubled quote toggles twice, which is what we want
      } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        values.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    values.add(text.substring(start).strip());
    return values;
  }

  private static IllegalArgumentException error(String file, int line, String message) {
    return new IllegalArgumentException(file + ".cql:" + line + ": " + message);
  }
}
