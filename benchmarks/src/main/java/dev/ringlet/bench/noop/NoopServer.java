package dev.ringlet.bench.noop;

import dev.ringlet.bench.engine.EngineFixture;
import dev.ringlet.wire.ProtocolServer;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.ProtocolServers;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The baseline server: Ringlet's own protocol layer ({@link ProtocolServers}) in front of a
 * processor that only looks answers up. The answers are recorded first from a real engine: a
 * recording server runs the caller's capture (driver handshake, schema, prepares, one execution of
 * each workload), then the no-op server takes over the same address and port, so that what
 * {@code system.local} says stays true.
 */
public final class NoopServer implements AutoCloseable {

  private final WireResources resources;
  private final ProtocolServer server;
  private final CannedProcessor canned;
  private final int cannedAnswers;

  private NoopServer(WireResources resources, ProtocolServer server, CannedProcessor canned, int cannedAnswers) {
    this.resources = resources;
    this.server = server;
    this.canned = canned;
    this.cannedAnswers = cannedAnswers;
  }

  /**
   * Records answers while {@code capture} talks to a real engine at the address it is given, then
   * serves them.
   */
  public static NoopServer recordAndStart(Consumer<InetSocketAddress> capture) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    WireResources resources = WireResources.create(0);
    try {
      EngineFixture engine = new EngineFixture(loopback);
      RecordingProcessor recording = new RecordingProcessor(engine.requestProcessor());
      Map<String, dev.ringlet.wire.Response> recorded;
      int port;
      try (ProtocolServer recorder = ProtocolServers.start(ProtocolServerConfig.of(loopback, 0), recording, resources)) {
        engine.attach(recorder);
        port = recorder.localAddress().getPort();
        capture.accept(recorder.localAddress());
        recorded = recording.recorded();
      }
      CannedProcessor canned = new CannedProcessor(recorded);
      ProtocolServer server = bindAgain(loopback, port, canned, resources);
      return new NoopServer(resources, server, canned, recorded.size());
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /**
   * Binds the port the recorder just released; the kernel may refuse it for a moment after the
   * recorder's connections closed, so this retries for up to 2 s, then takes any free port (the
   * driver addresses its contact point by the address it was given, not by system.local's port).
   */
  private static ProtocolServer bindAgain(InetAddress address, int port, CannedProcessor canned, WireResources resources) {
    for (int attempt = 0; attempt < 40; attempt++) {
      try {
        return ProtocolServers.start(ProtocolServerConfig.of(address, port), canned, resources);
      } catch (java.io.UncheckedIOException e) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return ProtocolServers.start(ProtocolServerConfig.of(address, 0), canned, resources);
  }

  public InetSocketAddress address() {
    return server.localAddress();
  }

  /** Requests that had no recorded answer (answered with SERVER_ERROR); should stay 0. */
  public long misses() {
    return canned.misses();
  }

  public int cannedAnswers() {
    return cannedAnswers;
  }

  @Override
  public void close() {
    server.close();
    resources.close();
  }
}
