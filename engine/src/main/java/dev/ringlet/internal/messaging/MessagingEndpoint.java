package dev.ringlet.internal.messaging;

import dev.ringlet.internal.cluster.FailureReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of messaging: handlers by verb for requests, and callbacks for the responses to its
 * own requests. A handler returns the answer's payload (or throws, answered as a failure); a
 * handler that returns null sends no answer.
 */
public final class MessagingEndpoint {

  /** Made on first use: a start that logs nothing never initialises the application's logging backend. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(MessagingEndpoint.class);
  }

  private final UUID self;
  private final Transport transport;
  private final Map<Verb, Function<Message, Object>> handlers = new EnumMap<>(Verb.class);
  private final Map<Long, Consumer<Message>> callbacks = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public MessagingEndpoint(UUID self, Transport transport) {
    this.self = self;
    this.transport = transport;
    transport.register(self, this::receive);
  }

  public UUID self() {
    return self;
  }

  /** Sets the handler of a verb; call before the node starts. */
  public void handle(Verb verb, Function<Message, Object> handler) {
    handlers.put(verb, handler);
  }

  /**
   * Sends a request; {@code onResponse} runs for its answer if one arrives (on any thread).
   *
   * @return the request's id, for {@link #forget}
   */
  public long request(UUID to, Verb verb, Object payload, Consumer<Message> onResponse) {
    long id = ids.incrementAndGet();
    if (onResponse != null) {
      callbacks.put(id, onResponse);
    }
    transport.send(Message.request(id, verb, self, to, payload));
    return id;
  }

  /** Sends a one-way message. */
  public void tell(UUID to, Verb verb, Object payload) {
    request(to, verb, payload, null);
  }

  /** Answers a request later, for a handler that returned null to answer once its work is done. */
  public void reply(Message request, Object answer) {
    transport.send(request.reply(answer));
  }

  /** Answers a request later with a failure, for a handler that returned null. */
  public void fail(Message request, String reason) {
    transport.send(request.fail(reason));
  }

  /** Forgets the callback of a request whose answer is no longer wanted. */
  public void forget(long id) {
    callbacks.remove(id);
  }

  /** Drops every pending callback (the node stopped). */
  public void reset() {
    callbacks.clear();
  }

  private void receive(Message m) {
    if (m.response()) {
      Consumer<Message> callback = callbacks.remove(m.id());
      if (callback != null) {
        callback.accept(m);
      }
      return;
    }
    Function<Message, Object> handler = handlers.get(m.verb());
    if (handler == null) {
      transport.send(m.fail("no handler for " + m.verb()));
      return;
    }
    Object answer;
    try {
      answer = handler.apply(m);
    } catch (dev.ringlet.internal.storage.StorageStoppedException e) {
      return; // the replica's disk failed and its failure policy stopped it: it answers nothing, as Cassandra's
    } catch (RuntimeException e) {
      String text = e.getMessage() == null ? e.toString() : e.getMessage();
      if (FailureReason.ofFailureText(text) == FailureReason.UNKNOWN) {
        // not one of the failures replicas answer on purpose (tombstones, an unknown table): keep its trace
        Log.LOG.warn("{} from {} failed on this replica; answered as a failure with reason UNKNOWN", m.verb(), m.from(), e);
      }
      transport.send(m.fail(text));
      return;
    }
    if (answer != null) {
      transport.send(m.reply(answer));
    }
  }
}
