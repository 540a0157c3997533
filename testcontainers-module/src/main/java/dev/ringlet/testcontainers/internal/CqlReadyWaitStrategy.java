package dev.ringlet.testcontainers.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.rnorth.ducttape.ratelimits.RateLimiter;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when the CQL port answers a real protocol exchange: OPTIONS → SUPPORTED, STARTUP → READY
 * and {@code SELECT release_version FROM system.local} → one row with a version. A port that merely
 * accepts connections (a proxy, a half-started server) is not enough. With {@link #withCredentials}
 * the STARTUP is followed by a SASL PLAIN login, for a node with PasswordAuthenticator. Fails fast, with the
 * container's output, when the container exits while being waited for.
 */
public final class CqlReadyWaitStrategy extends AbstractWaitStrategy {

  /** Attempts every 50 ms: a Ringlet node starts in well under a second. */
  private final RateLimiter attempts = RateLimiterBuilder.newBuilder()
      .withRate(20, TimeUnit.SECONDS)
      .withConstantThroughput()
      .build();

  private final int cqlPort;
  private String username;
  private String password;
  private SSLContext sslContext;

  public CqlReadyWaitStrategy(int cqlPort) {
    this.cqlPort = cqlPort;
  }

  /** Logs in with these credentials when the node asks for authentication; null for none. */
  public CqlReadyWaitStrategy withCredentials(String username, String password) {
    this.username = username;
    this.password = password;
    return this;
  }

  /** Connects over TLS with this context (trusting the node's certificate); null for plain TCP. */
  public CqlReadyWaitStrategy withSslContext(SSLContext sslContext) {
    this.sslContext = sslContext;
    return this;
  }

  @Override
  protected void waitUntilReady() {
    String host = waitStrategyTarget.getHost();
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    IOException last = null;
    String where = host + " (container port " + cqlPort + ")";
    while (true) {
      attempts.doWhenReady(() -> { });
      try {
        // A container that exited at once has no port mapping: ask inside the loop.
        int port = waitStrategyTarget.getMappedPort(cqlPort);
        where = host + ":" + port + " (container port " + cqlPort + ")";
        String version = releaseVersion(host, port, Duration.ofSeconds(2), username, password, sslContext);
        if (version != null) {
          return;
        }
        last = new CqlProbeException("system.local has no release_version yet");
      } catch (IOException e) {
        last = e;
      } catch (IllegalArgumentException notMapped) {
        last = new IOException(notMapped.getMessage());
      }
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("the container stopped before CQL was ready on " + where
            + "; its output:\n" + waitStrategyTarget.getLogs());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ContainerLaunchException("CQL not ready on " + where + " after " + startupTimeout + ": " + last, last);
      }
    }
  }

  /** The node's release version through one protocol exchange without login, or null when the row is not there yet. */
  static String releaseVersion(String host, int port, Duration timeout) throws IOException {
    return releaseVersion(host, port, timeout, null, null, null);
  }

  /** As {@link #releaseVersion(String, int, Duration)}, logging in with {@code username} when the node asks. */
  static String releaseVersion(String host, int port, Duration timeout, String username, String password,
      SSLContext sslContext) throws IOException {
    try (CqlProbe probe = CqlProbe.connect(host, port, timeout, sslContext)) {
      if (!probe.options().containsKey("CQL_VERSION")) {
        throw new CqlProbeException("SUPPORTED without CQL_VERSION");
      }
      probe.startup(username, password);
      List<List<byte[]>> rows = probe.query("SELECT release_version FROM system.local");
      if (rows.size() != 1 || rows.get(0).get(0) == null) {
        return null;
      }
      return new String(rows.get(0).get(0), StandardCharsets.UTF_8);
    }
  }
}
