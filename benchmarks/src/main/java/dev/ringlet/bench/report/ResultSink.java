package dev.ringlet.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where measurements go: one line per value, {@code metric<TAB>value<TAB>unit}, appended to a file
 * (so repeated runs of one measurement add samples that {@link ReportWriter} takes the median of),
 * and echoed to standard output.
 */
public final class ResultSink {

  private final Path file;

  /** @param file the results file, or null to print only */
  public ResultSink(Path file) {
    this.file = file;
  }

  public void add(String metric, double value, String unit) {
    String line = metric + "\t" + String.format(Locale.ROOT, "%.3f", value) + "\t" + unit;
    System.out.println("RESULT " + line);
    if (file != null) {
      try {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("could not append to " + file, e);
      }
    }
  }
}
