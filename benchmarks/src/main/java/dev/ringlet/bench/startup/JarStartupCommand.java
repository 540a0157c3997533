package dev.ringlet.bench.startup;

import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import dev.ringlet.bench.target.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar ringlet.jar}: from spawning the process to its {@code Ringlet ready:} line, and the
 * resident memory of the idle process at that moment; {@code runs} fresh processes one after another.
 */
public final class JarStartupCommand {

  private final Path jar;
  private final int runs;
  private final ResultSink sink;

  public JarStartupCommand(Path jar, int runs, ResultSink sink) {
    this.jar = jar;
    this.runs = runs;
    this.sink = sink;
  }

  public void run() {
    for (int i = 0; i < runs; i++) {
      try (JarProcess p = JarProcess.start(jar, List.of())) {
        sink.add("jar/spawn_to_ready_ms", Stats.millis(p.spawnToReadyNanos()), "ms");
        long cpuMs = cpuMillis(p.pid());
        if (cpuMs >= 0) {
          sink.add("jar/cpu_at_ready_ms", cpuMs, "ms");
        }
        long rssKb = residentKb(p.pid());
        if (rssKb > 0) {
          sink.add("jar/rss_at_ready_mb", rssKb / 1024.0, "MB");
        }
      }
    }
  }

  /**
   * User + system CPU of the process so far (all its threads: JIT, GC, the node), from
   * /proc/PID/stat in clock ticks of 10 ms (Linux's USER_HZ of 100); -1 elsewhere.
   */
  private static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmRSS from /proc (Linux only); -1 elsewhere. */
  private static long residentKb(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
