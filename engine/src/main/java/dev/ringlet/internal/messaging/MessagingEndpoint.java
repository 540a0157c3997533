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
  /** The callback of {@link #sendUnawaited}'s requests: their answers are only traced. */
  private static final Consumer<Message> UNAWAITED = m -> {
  };

  private final Map<Long, Consumer<Message>> callbacks = new ConcurrentHashMap<>();
  /** What to do for a request the transport reports lost (see {@link #request(UUID, Verb, Object, Consumer, Runnable)}). */
  private final Map<Long, Runnable> lostCallbacks = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  /** The trace state of each traced request awaiting its answer, by request id. */
  private final Map<Long, dev.ringlet.internal.trace.TraceState> tracedRequests = new ConcurrentHashMap<>();
  private volatile dev.ringlet.internal.trace.Tracer tracer;
  /** Traced requests whose handler answers later ({@link #reply}): their part of the session, by sender and id. */
  private final Map<Deferred, dev.ringlet.internal.trace.TraceState> deferredTraces = new ConcurrentHashMap<>();

  private record Deferred(UUID from, long id) {}
  private volatile Function<UUID, java.net.InetAddress> addressOf;
  private volatile PayloadCodec sizes;

  public MessagingEndpoint(UUID self, Transport transport) {
    this.self = self;
    this.transport = transport;
    transport.register(self, this::receive);
    transport.onLost(self, this::lost);
  }

  public UUID self() {
    return self;
  }

  /**
   * Makes the messages sent while a traced request runs carry its session, their recipients record
   * their part of it, and both sides record 5.0's messaging events; call before the node starts.
   *
   * @param addressOf a member's address by host id, as events name nodes
   * @param sizes encodes payloads to report a message's size, as 5.0's "message size N bytes"
   */
  public void traceWith(dev.ringlet.internal.trace.Tracer tracer, Function<UUID, java.net.InetAddress> addressOf,
      PayloadCodec sizes) {
    this.addressOf = addressOf;
    this.sizes = sizes;
    this.tracer = tracer;
  }

  /** The node's tracer, which {@link #traceWith} set; null when messages are not traced. */
  public dev.ringlet.internal.trace.Tracer tracer() {
    return tracer;
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
    return request(to, verb, payload, onResponse, null);
  }

  /**
   * Sends a request as {@link #request(UUID, Verb, Object, Consumer)}; {@code onLost} runs instead of
   * {@code onResponse} when the transport reports the request lost ({@link Transport#onLost}: cut off,
   * or its connection failed), so a caller waiting for the answer can stop waiting. A request lost
   * without the transport's knowing runs neither.
   */
  public long request(UUID to, Verb verb, Object payload, Consumer<Message> onResponse, Runnable onLost) {
    long id = ids.incrementAndGet();
    if (onResponse != null) {
      callbacks.put(id, onResponse);
    }
    if (onLost != null) {
      lostCallbacks.put(id, onLost);
    }
    dev.ringlet.internal.trace.Tracer t = tracer;
    dev.ringlet.internal.trace.TraceState trace = t == null ? null : t.current();
    if (trace != null) {
      trace.trace("Sending " + MessageTraces.requestVerb(verb) + " message to " + name(t, to) + " message size "
          + MessageTraces.size(payload, sizes) + " bytes");
      if (onResponse != null) {
        tracedRequests.put(id, trace);
      }
      transport.send(Message.request(id, verb, self, to, new Traced.Request(trace.session(), payload)));
      return id;
    }
    transport.send(Message.request(id, verb, self, to, payload));
    return id;
  }

  /**
   * Sends a request whose answer nobody waits for, as 5.0's {@code MessagingService.send}: a traced
   * one's answer still brings the replica's events, and its arrival is traced as 5.0's
   * {@code ResponseVerbHandler} traces an answer without a callback ("Callback already removed").
   */
  public void sendUnawaited(UUID to, Verb verb, Object payload) {
    request(to, verb, payload, UNAWAITED);
  }

  /** Sends a one-way message. */
  public void tell(UUID to, Verb verb, Object payload) {
    request(to, verb, payload, null);
  }

  /** Answers a request later, for a handler that returned null to answer once its work is done. */
  public void reply(Message request, Object answer) {
    dev.ringlet.internal.trace.TraceState trace = deferredTraces.remove(new Deferred(request.from(), request.id()));
    dev.ringlet.internal.trace.Tracer t = tracer;
    if (trace != null && t != null) {
      transport.send(request.reply(tracedAnswer(request, answer, t, trace)));
      return;
    }
    transport.send(request.reply(answer));
  }

  /** Answers a request later with a failure, for a handler that returned null. */
  public void fail(Message request, String reason) {
    deferredTraces.remove(new Deferred(request.from(), request.id()));
    transport.send(request.fail(reason));
  }

  /** Forgets the callback of a request whose answer is no longer wanted. */
  public void forget(long id) {
    callbacks.remove(id);
    lostCallbacks.remove(id);
    tracedRequests.remove(id);
  }

  /** Drops every pending callback (the node stopped). */
  public void reset() {
    callbacks.clear();
    lostCallbacks.clear();
    tracedRequests.clear();
    deferredTraces.clear();
  }

  /** The transport will not deliver {@code request}: its lost callback runs, its response callback never will. */
  private void lost(Message request) {
    Runnable onLost = lostCallbacks.remove(request.id());
    if (onLost != null) {
      callbacks.remove(request.id());
      tracedRequests.remove(request.id());
      onLost.run();
    }
  }

  private void receive(Message m) {
    if (m.response()) {
      dev.ringlet.internal.trace.TraceState trace = tracedRequests.remove(m.id());
      if (m.payload() instanceof Traced.Response traced) {
        m = new Message(m.id(), m.verb(), true, m.failure(), m.from(), m.to(), traced.payload());
        if (trace != null) {
          // 5.0's coordinator: the replica's events (written by the replica), then the response's arrival
          trace.addAll(traced.events());
          dev.ringlet.internal.trace.Tracer t = tracer;
          trace.trace(MessageTraces.responseVerb(m.verb()) + " message received from " + name(t, m.from()));
          trace.trace(callbacks.get(m.id()) == UNAWAITED
              ? "Callback already removed for " + m.id() + " (from " + name(t, m.from()) + ")"
              : "Processing response from " + name(t, m.from()));
        }
      }
      lostCallbacks.remove(m.id());
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
    dev.ringlet.internal.trace.Tracer t = tracer;
    if (m.payload() instanceof Traced.Request traced) {
      m = new Message(m.id(), m.verb(), false, false, m.from(), m.to(), traced.payload());
      if (t != null) {
        receiveTraced(m, handler, t, t.begin(traced.session()));
        return;
      }
    }
    Object answer = answer(m, handler);
    if (answer != null && answer != ANSWERED) {
      transport.send(m.reply(answer));
    }
  }

  /** What {@link #answer} returns when the request needs no further reply. */
  private static final Object ANSWERED = new Object();

  /**
   * The handler's answer to {@code m}; or {@link #ANSWERED} when it failed (the failure already
   * sent) or its node's storage stopped (nothing to send, as Cassandra's replica answers nothing).
   */
  private Object answer(Message m, Function<Message, Object> handler) {
    try {
      return handler.apply(m);
    } catch (dev.ringlet.internal.storage.StorageStoppedException e) {
      return ANSWERED; // the replica's disk failed and its failure policy stopped it
    } catch (RuntimeException e) {
      String text = e.getMessage() == null ? e.toString() : e.getMessage();
      if (FailureReason.ofFailureText(text) == FailureReason.UNKNOWN) {
        // not one of the failures replicas answer on purpose (tombstones, an unknown table): keep its trace
        Log.LOG.warn("{} from {} failed on this replica; answered as a failure with reason UNKNOWN", m.verb(), m.from(), e);
      }
      transport.send(m.fail(text));
      return ANSWERED;
    }
  }

  /**
   * Handles a traced request as 5.0's replica does: its part of the session (the message's arrival,
   * what the handler's layers record, the response's sending) goes back with the answer.
   */
  private void receiveTraced(Message m, Function<Message, Object> handler, dev.ringlet.internal.trace.Tracer t,
      dev.ringlet.internal.trace.TraceState trace) {
    trace.trace(MessageTraces.requestVerb(m.verb()) + " message received from " + name(t, m.from()));
    // A handler that returns null answers through reply() (a counter leader, once its replicas
    // acknowledged), perhaps before it returns: that answer carries the events too.
    Deferred deferred = new Deferred(m.from(), m.id());
    deferredTraces.put(deferred, trace);
    dev.ringlet.internal.trace.TraceState previous = t.enter(trace);
    Object answer;
    try {
      answer = answer(m, handler);
    } finally {
      t.exit(previous);
    }
    if (answer == ANSWERED) {
      deferredTraces.remove(deferred);
      return;
    }
    if (answer != null) {
      deferredTraces.remove(deferred);
      transport.send(m.reply(tracedAnswer(m, answer, t, trace)));
    }
  }

  /** 5.0's replica events of its answer, and the answer carrying every event of its part of the session. */
  private Traced.Response tracedAnswer(Message request, Object answer, dev.ringlet.internal.trace.Tracer t,
      dev.ringlet.internal.trace.TraceState trace) {
    String to = name(t, request.from());
    String enqueuing = MessageTraces.enqueuing(request.verb());
    if (enqueuing != null) {
      trace.trace(enqueuing + to);
    }
    trace.trace("Sending " + MessageTraces.responseVerb(request.verb()) + " message to " + to + " message size "
        + MessageTraces.size(answer, sizes) + " bytes");
    return new Traced.Response(trace.events(), answer);
  }

  /** How this node's trace events name {@code node}: 5.0's {@code /127.0.0.2:7000}. */
  public String describe(UUID node) {
    dev.ringlet.internal.trace.Tracer t = tracer;
    return t == null ? String.valueOf(node) : name(t, node);
  }

  private String name(dev.ringlet.internal.trace.Tracer t, UUID node) {
    Function<UUID, java.net.InetAddress> addresses = addressOf;
    java.net.InetAddress address = addresses == null ? null : addresses.apply(node);
    return address == null ? String.valueOf(node) : t.describe(address);
  }
}
