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
}
