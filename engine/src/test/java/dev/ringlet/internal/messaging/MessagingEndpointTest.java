package dev.ringlet.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A handler's exception becomes a failure answer that says what went wrong, even without a message. */
class MessagingEndpointTest {

  /** Delivers on the sending thread, as the in-JVM bus may. */
  private static final class DirectTransport implements Transport {
    final Map<UUID, Consumer<Message>> inboxes = new HashMap<>();

    @Override
    public void register(UUID node, Consumer<Message> inbox) {
      inboxes.put(node, inbox);
    }

    @Override
    public void send(Message message) {
      inboxes.get(message.to()).accept(message);
    }
  }

  private final DirectTransport transport = new DirectTransport();
  private final MessagingEndpoint coordinator = new MessagingEndpoint(new UUID(0, 1), transport);
  private final MessagingEndpoint replica = new MessagingEndpoint(new UUID(0, 2), transport);

  private dev.ringlet.internal.trace.Tracer coordinatorTracer;
  private dev.ringlet.internal.trace.Tracer replicaTracer;

  /** Gives the coordinator (127.0.0.1) and the replica (127.0.0.2) each its own tracer on one manual clock. */
  private void traceBothNodes() throws java.net.UnknownHostException {
    dev.ringlet.internal.time.ManualClock clock = new dev.ringlet.internal.time.ManualClock(1_000_000);
    java.net.InetAddress one = java.net.InetAddress.getByName("127.0.0.1");
    java.net.InetAddress two = java.net.InetAddress.getByName("127.0.0.2");
    Map<UUID, java.net.InetAddress> addresses = Map.of(coordinator.self(), one, replica.self(), two);
    coordinatorTracer = new dev.ringlet.internal.trace.Tracer(one, 7000, clock);
    replicaTracer = new dev.ringlet.internal.trace.Tracer(two, 7000, clock);
    coordinator.traceWith(coordinatorTracer, addresses::get, null);
    replica.traceWith(replicaTracer, addresses::get, null);
  }

  private Message ask() {
    List<Message> answers = new ArrayList<>();
    coordinator.request(replica.self(), Verb.READ, "q", answers::add);
    assertThat(answers).hasSize(1);
    return answers.get(0);
  }

  @Test
  void should_answer_a_handler_bug_without_a_message_with_the_exception_class_not_null() {
    replica.handle(Verb.READ, m -> {
      throw new NullPointerException();
    });
    Message answer = ask();
    assertThat(answer.failure()).isTrue();
    assertThat(answer.payload()).isEqualTo("java.lang.NullPointerException");
  }

  @Test
  void should_pass_a_deliberate_failure_text_through_unchanged() {
    replica.handle(Verb.READ, m -> {
      throw new IllegalStateException("READ_TOO_MANY_TOMBSTONES 100001");
    });
    Message answer = ask();
    assertThat(answer.failure()).isTrue();
    assertThat(answer.payload()).isEqualTo("READ_TOO_MANY_TOMBSTONES 100001");
  }

  @Test
  void should_answer_a_handlers_result() {
    replica.handle(Verb.READ, m -> "rows for " + m.payload());
    Message answer = ask();
    assertThat(answer.failure()).isFalse();
    assertThat(answer.payload()).isEqualTo("rows for q");
  }

  @Test
  void should_carry_a_traced_request_to_the_replica_and_bring_its_events_back_with_the_answer() throws Exception {
    // Given: two nodes, each with its own tracer (address and clock), and a traced request current on the coordinator
    traceBothNodes();
    List<Object> seenByHandler = new ArrayList<>();
    replica.handle(Verb.READ, m -> {
      seenByHandler.add(m.payload());
      replicaTracer.trace("Executing single-partition query on t");
      return "rows";
    });
    UUID session = UUID.randomUUID();
    dev.ringlet.internal.trace.TraceState state = coordinatorTracer.begin(session);

    // When
    List<Message> answers = new ArrayList<>();
    dev.ringlet.internal.trace.TraceState previous = coordinatorTracer.enter(state);
    try {
      coordinator.request(replica.self(), Verb.READ, "q", answers::add);
    } finally {
      coordinatorTracer.exit(previous);
    }

    // Then: handler and callback see the plain payloads; the session holds both nodes' events in order
    assertThat(seenByHandler).containsExactly("q");
    assertThat(answers).extracting(Message::payload).containsExactly("rows");
    assertThat(state.events()).extracting(e -> e.source().getHostAddress() + " " + e.activity()).containsExactly(
        "127.0.0.1 Sending READ_REQ message to /127.0.0.2:7000 message size 46 bytes",
        "127.0.0.2 READ_REQ message received from /127.0.0.1:7000",
        "127.0.0.2 Executing single-partition query on t",
        "127.0.0.2 Enqueuing response to /127.0.0.1:7000",
        "127.0.0.2 Sending READ_RSP message to /127.0.0.1:7000 message size 46 bytes",
        "127.0.0.1 READ_RSP message received from /127.0.0.2:7000",
        "127.0.0.1 Processing response from /127.0.0.2:7000");
    assertThat(replicaTracer.current()).as("the replica's state is not left on the thread").isNull();

    // And: an untraced request travels as before
    assertThat(ask().payload()).isEqualTo("rows");
    assertThat(seenByHandler).containsExactly("q", "q");
  }

  @Test
  void should_bring_back_the_events_of_a_handler_that_answers_later() throws Exception {
    // Given: a replica whose handler answers through reply() after it returned (as a counter leader)
    traceBothNodes();
    List<Message> pending = new ArrayList<>();
    replica.handle(Verb.COUNTER_MUTATION, m -> {
      replicaTracer.trace("Acquiring counter locks");
      pending.add(m);
      return null;
    });
    dev.ringlet.internal.trace.TraceState state = coordinatorTracer.begin(UUID.randomUUID());
    List<Message> answers = new ArrayList<>();
    dev.ringlet.internal.trace.TraceState previous = coordinatorTracer.enter(state);
    try {
      coordinator.request(replica.self(), Verb.COUNTER_MUTATION, "inc", answers::add);
    } finally {
      coordinatorTracer.exit(previous);
    }
    assertThat(answers).isEmpty();

    // When: the handler answers
    replica.reply(pending.get(0), "ok");

    // Then: the answer carries the replica's events, the callback its plain payload
    assertThat(answers).extracting(Message::payload).containsExactly("ok");
    assertThat(state.events()).extracting(e -> e.source().getHostAddress() + " " + e.activity()).containsExactly(
        "127.0.0.1 Sending COUNTER_MUTATION_REQ message to /127.0.0.2:7000 message size 46 bytes",
        "127.0.0.2 COUNTER_MUTATION_REQ message received from /127.0.0.1:7000",
        "127.0.0.2 Acquiring counter locks",
        "127.0.0.2 Enqueuing response to /127.0.0.1:7000",
        "127.0.0.2 Sending COUNTER_MUTATION_RSP message to /127.0.0.1:7000 message size 46 bytes",
        "127.0.0.1 COUNTER_MUTATION_RSP message received from /127.0.0.2:7000",
        "127.0.0.1 Processing response from /127.0.0.2:7000");
  }

  @Test
  void should_hand_the_events_of_an_answer_arriving_after_the_session_was_written_to_its_writer() throws Exception {
    // Given: a traced request whose answer comes after the coordinator finished the session
    traceBothNodes();
    List<Message> pending = new ArrayList<>();
    replica.handle(Verb.MUTATION, m -> {
      replicaTracer.trace("Adding to t memtable");
      pending.add(m);
      return null;
    });
    dev.ringlet.internal.trace.TraceState state = coordinatorTracer.begin(UUID.randomUUID());
    dev.ringlet.internal.trace.TraceState previous = coordinatorTracer.enter(state);
    try {
      coordinator.request(replica.self(), Verb.MUTATION, "w", m -> {});
    } finally {
      coordinatorTracer.exit(previous);
    }
    List<String> late = new ArrayList<>();
    List<dev.ringlet.internal.trace.TraceEvent> written = state.finish(events -> events.forEach(e -> late.add(e.activity())));

    // When: the replica answers late
    replica.reply(pending.get(0), "ack");

    // Then: the session's rows had the request only; the late events go to the writer as they come
    assertThat(written).extracting(dev.ringlet.internal.trace.TraceEvent::activity)
        .containsExactly("Sending MUTATION_REQ message to /127.0.0.2:7000 message size 46 bytes");
    assertThat(late).containsExactly("MUTATION_REQ message received from /127.0.0.1:7000", "Adding to t memtable",
        "Enqueuing response to /127.0.0.1:7000", "Sending MUTATION_RSP message to /127.0.0.1:7000 message size 46 bytes",
        "MUTATION_RSP message received from /127.0.0.2:7000", "Processing response from /127.0.0.2:7000");
    assertThat(state.events()).hasSize(1);
  }
}
