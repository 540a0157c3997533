package dev.ringlet.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar ringlet.jar --port P} as a child process, from spawn to its {@code Ringlet ready:}
 * line. The port is a free loopback port picked just before the spawn.
 */
public final class JarProcess implements AutoCloseable {

  static final String READY_LINE = "Ringlet ready:";

  private final Process process;
  private final InetSocketAddress address;
  private final long spawnToReadyNanos;

  private JarProcess(Process process, InetSocketAddress address, long spawnToReadyNanos) {
    this.process = process;
    this.address = address;
    this.spawnToReadyNanos = spawnToReadyNanos;
  }

  /** Spawns the jar and waits (at most 30 s) for its ready line. */
  public static JarProcess start(Path jar, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("ringlet jar: " + jar + " (expected: a file; build with ./mvnw install -DskipTests)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
    long begin = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not spawn " + command, e);
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(READY_LINE)) {
          long elapsed = System.nanoTime() - begin;
          drainInBackground(out);
          return new JarProcess(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), elapsed);
        }
        seen.append(line).append('\n');
      }
    } catch (IOException e) {
      p.destroyForcibly();
      throw new UncheckedIOException(e);
    }
    p.destroyForcibly();
    throw new IllegalStateException("ringlet jar exited without \"" + READY_LINE + "\"; output:\n" + seen);
  }

  private static void drainInBackground(BufferedReader out) {
    Thread t = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard: the child must never block on a full pipe
        }
      } catch (IOException ignored) {
        // the child has gone
      }
    }, "ringlet-jar-output");
    t.setDaemon(true);
    t.start();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  public long spawnToReadyNanos() {
    return spawnToReadyNanos;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
