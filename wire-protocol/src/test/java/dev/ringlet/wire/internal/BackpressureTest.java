package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.request.Query;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.WireResources;
import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that sends many requests and reads nothing: the server stops reading from it once
 * its unsent answers pass {@code maxPendingResponseBytes}, so the requests it has processed stay
 * far below what was sent; once the client reads, the server reads again and answers everything.
 */
class BackpressureTest {

  private static final int MAX_PENDING = 64 * 1024;
  private static final int REQUESTS = 2000;
  private static final int ANSWER_CHARS = 60_000;

  private static WireResources resources;

  @BeforeAll
  static void startThreads() {
    resources = WireResources.create(2);
  }

  @AfterAll
  static void stopThreads() {
    resources.close();
  }

  @Test
  void should_stop_reading_when_client_does_not_read_and_resume_when_it_drains() throws Exception {
    try (ServerFixture fixture =
            new ServerFixture(
                resources,
                ServerFixture.config(ProtocolServerConfig.DEFAULT_MAX_FRAME_BYTES, MAX_PENDING));
        RawClient client = RawClient.connect(fixture.server.localAddress(), 16 * 1024)) {
      client.startup(4, null);
      Channel serverSide = fixture.server.connectionChannels().get(0);
      String query = "big:" + ANSWER_CHARS + " " + "p".repeat(1000);
      AtomicReference<Throwable> writerFailure = new AtomicReference<>();
      CountDownLatch written = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int stream = 1; stream <= REQUESTS; stream++) {
                    client.send(4, stream, new Query(query));
                  }
                } catch (Throwable t) {
                  writerFailure.set(t);
                } finally {
                  written.countDown();
                }
              },
              "backpressure-writer");
      writer.setDaemon(true);
      writer.start();

      Poll.until("server stops reading", () -> !serverSide.config().isAutoRead());
      int processedWhilePaused = fixture.processor.handled.get();

      long pendingBytes =
          serverSide
              .eventLoop()
              .submit(() -> serverSide.unsafe().outboundBuffer().totalPendingWriteBytes())
              .get(10, TimeUnit.SECONDS);

      assertThat(processedWhilePaused)
          .as("requests processed when the server stopped reading")
          .isLessThan(REQUESTS / 2);
      // at most the watermark plus the answers to one read's worth of ~1 KiB requests
      assertThat(pendingBytes)
          .as("response bytes buffered in the server")
          .isLessThan(MAX_PENDING + 128L * ANSWER_CHARS);

      Set<Integer> answered = new HashSet<>();
      for (int i = 0; i < REQUESTS; i++) {
        Frame answer = client.read();
        answered.add(answer.streamId);
      }
      assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(writerFailure.get()).isNull();
      assertThat(answered).hasSize(REQUESTS);
      assertThat(fixture.processor.handled.get()).isEqualTo(REQUESTS);
      Poll.until("server reads again", () -> serverSide.config().isAutoRead());
    }
  }
}
