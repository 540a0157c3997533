package dev.ringlet.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node process with {@code --data-dir} and {@code --commitlog-sync batch} is killed with
 * SIGKILL while four clients write; restarted on the same directory, it serves every write that was
 * acknowledged before the kill (writes in flight at the kill may or may not be there).
 */
class CrashRecoveryIT {

  private static final String JAR = System.getProperty("ringlet.jar", "target/ringlet.jar");
  private static final Pattern READY = Pattern.compile("^Ringlet ready: ([0-9.]+):(\\d+) .*");

  @TempDir
  Path data;

  private record Node(Process process, InetSocketAddress contact) {}

  private Node start() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", JAR, "--port", "0",
        "--data-dir", data.toString(), "--commitlog-sync", "batch"))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("ready line").isNotNull();
    Matcher m = READY.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    return new Node(p, new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
  }

  private static CqlSession connect(Node node) {
    return CqlSession.builder().addContactPoint(node.contact()).withLocalDatacenter("datacenter1").build();
  }

  @Test
  void should_serve_every_acknowledged_write_after_a_kill_9_under_batch_sync() throws Exception {
    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    Node first = start();
    try (CqlSession session = connect(first)) {
      session.execute("CREATE KEYSPACE crash WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE crash.t (k int PRIMARY KEY, v text, n int)");
      PreparedStatement insert = session.prepare("INSERT INTO crash.t (k, v, n) VALUES (?, ?, ?)");
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      CountDownLatch enough = new CountDownLatch(3000);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        Thread t = new Thread(() -> {
          while (!killed.get()) {
            int k = next.getAndIncrement();
            String v = "value-" + k + "-" + "x".repeat(k % 200);
            try {
              session.execute(insert.bind(k, v, k * 7));
              acknowledged.put(k, v);
              enough.countDown();
            } catch (RuntimeException e) {
              return; // the node is gone: this write was never acknowledged
            }
          }
        });
        t.start();
        writers.add(t);
      }
      assertThat(enough.await(5, TimeUnit.MINUTES)).as("3000 writes acknowledged").isTrue();
      first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      killed.set(true);
      assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Thread t : writers) {
        t.join();
      }
    } finally {
      first.process().destroyForcibly();
    }

    Node second = start();
    try (CqlSession session = connect(second)) {
      PreparedStatement select = session.prepare("SELECT v, n FROM crash.t WHERE k = ?");
      for (Map.Entry<Integer, String> e : acknowledged.entrySet()) {
        Row row = session.execute(select.bind(e.getKey())).one();
        assertThat(row).as("acknowledged write k=%d", e.getKey()).isNotNull();
        assertThat(row.getString("v")).isEqualTo(e.getValue());
        assertThat(row.getInt("n")).isEqualTo(e.getKey() * 7);
      }
      assertThat(session.execute("SELECT count(*) FROM crash.t").one().getLong(0)).isGreaterThanOrEqualTo(acknowledged.size());
    } finally {
      second.process().destroy();
      second.process().waitFor(30, TimeUnit.SECONDS);
      second.process().destroyForcibly();
    }
  }
}
