package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Transport;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.storage.StorageConfig;
import dev.ringlet.internal.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A schema change waits for its live peers' answers (over TCP), but not for a peer whose push the
 * transport reports lost, nor for one gossip convicts meanwhile; a silent peer is waited for up to
 * the bound. The clock is manual: a wait that does not end early ends only when the test moves the
 * clock past its bound.
 */
@Timeout(60) // guards against a hang only: every wait here ends without the clock moving, or by moving it
class SchemaSyncTest {

  private static final UUID SELF = new UUID(1, 1);
  private static final UUID ANSWERING = new UUID(1, 2);
  private static final UUID OTHER = new UUID(1, 3);
  private static final Duration BOUND = Duration.ofSeconds(2);

  /** Keeps what the node sends; reports the requests to {@link #cutOff} peers lost at once, as a partition does. */
  private static final class RecordingTransport implements Transport {
    final List<Message> sent = new ArrayList<>();
    final Set<UUID> cutOff = ConcurrentHashMap.newKeySet();
    final Map<UUID, Consumer<Message>> inboxes = new ConcurrentHashMap<>();
    Consumer<Message> lost;

    @Override
    public void register(UUID node, Consumer<Message> inbox) {
      inboxes.put(node, inbox);
    }

    @Override
    public void onLost(UUID node, Consumer<Message> lostHandler) {
      this.lost = lostHandler;
    }

    @Override
    public void send(Message message) {
      if (cutOff.contains(message.to())) {
        lost.accept(message);
        return;
      }
      sent.add(message);
    }

    /** {@code peer} answers the pushes it was sent. */
    void answerPushesOf(UUID peer) {
      for (Message m : List.copyOf(sent)) {
        if (m.to().equals(peer) && m.verb() == Verb.SCHEMA_PUSH) {
          inboxes.get(SELF).accept(m.reply(Boolean.TRUE));
        }
      }
    }
  }

  private final ManualClock clock = new ManualClock(1_000_000_000L);
  private final ClusterTime time = new ClusterTime(clock, true);
  private final RecordingTransport transport = new RecordingTransport();
  private final SchemaManager schema = new SchemaManager(new Schema(new UUID(2, 0), Map.of()));
  private final Storage storage = new Storage(StorageConfig.inMemory(clock));
  private final SchemaSync sync = new SchemaSync(schema, storage, new MessagingEndpoint(SELF, transport),
      () -> Set.of(ANSWERING, OTHER), peer -> true, () -> {}, time, BOUND);

  @AfterEach
  void close() {
    storage.close();
  }

  private void changeSchema() {
    schema.apply("a change", s -> new Schema(UUID.randomUUID(), s.keyspaces()));
  }

  @Test
  void should_not_wait_for_a_peer_when_the_transport_reports_its_push_lost() {
    transport.cutOff.add(OTHER);
    changeSchema();
    transport.answerPushesOf(ANSWERING);

    assertThat(sync.awaitAnnounced()).as("ended before its bound").isTrue();
    assertThat(transport.sent).extracting(Message::to).containsExactly(ANSWERING);
  }

  @Test
  void should_stop_waiting_for_a_silent_peer_when_gossip_convicts_it() {
    changeSchema();
    transport.answerPushesOf(ANSWERING);
    CompletableFuture<Boolean> announced = CompletableFuture.supplyAsync(sync::awaitAnnounced);

    sync.peerDown(OTHER);

    assertThat(announced.join()).as("ended before its bound").isTrue();
  }

  @Test
  void should_wait_for_a_silent_live_peer_up_to_the_bound() {
    changeSchema();
    transport.answerPushesOf(ANSWERING);
    CompletableFuture<Boolean> announced = CompletableFuture.supplyAsync(sync::awaitAnnounced);

    Await.until("the wait reaches its bound as the clock moves", () -> {
      clock.advance(BOUND);
      time.signal();
      return announced.isDone();
    });

    assertThat(announced.join()).as("ended before its bound").isFalse();
  }

  @Test
  void should_end_the_wait_when_every_live_peer_answered() {
    changeSchema();
    transport.answerPushesOf(ANSWERING);
    transport.answerPushesOf(OTHER);

    assertThat(sync.awaitAnnounced()).isTrue();
  }
}
