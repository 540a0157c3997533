package dev.ringlet.internal.node;

import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Transport;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A process's node's view of the TCP transport: what the in-JVM bus does for a node that is stopped
 * (its messages are lost both ways) or paused (messages to it wait until it resumes, it sends
 * nothing), so that a node of a multi-process cluster can be stopped, killed, paused and resumed
 * while its process, and its internode port, stay up. Operator commands ({@link Verb#ADMIN}) always
 * pass: they are how another process starts or resumes it. Every delivery signals the cluster time,
 * so waiting coordinators wake on answers rather than at their deadlines.
 */
final class TrafficGate implements Transport {

  /** Whether the node takes part in the cluster's traffic. */
  enum State { FLOWING, STOPPED, PAUSED }

  private final TcpTransport transport;
  private final ClusterTime time;
  private final List<Runnable> held = new ArrayList<>();
  private volatile State state = State.FLOWING;

  TrafficGate(TcpTransport transport, ClusterTime time) {
    this.transport = transport;
    this.time = time;
  }

  @Override
  public void register(UUID node, Consumer<Message> inbox) {
    transport.register(node, m -> receive(m, inbox));
  }

  private void receive(Message m, Consumer<Message> inbox) {
    if (m.verb() != Verb.ADMIN && state != State.FLOWING) {
      synchronized (held) {
        if (state == State.PAUSED) {
          held.add(() -> receive(m, inbox));
          return;
        }
        if (state == State.STOPPED) {
          return; // a stopped node is not there: lost, as on the in-JVM bus
        }
      }
    }
    inbox.accept(m);
    time.signal();
  }

  @Override
  public void onLost(UUID node, Consumer<Message> lost) {
    transport.onLost(node, lost); // what the gate itself holds back is sent by a node that is not running
  }

  @Override
  public void send(Message message) {
    if (message.verb() == Verb.ADMIN || state == State.FLOWING) {
      transport.send(message);
    }
  }

  State state() {
    return state;
  }

  /** Messages are lost both ways from now on (the node stopped or was killed). */
  void stop() {
    synchronized (held) {
      state = State.STOPPED;
      held.clear();
    }
  }

  /** Messages to the node wait, and it sends nothing, until {@link #flow}. */
  void pause() {
    synchronized (held) {
      state = State.PAUSED;
    }
  }

  /** Messages flow again; those that waited while paused are delivered now. */
  void flow() {
    List<Runnable> due;
    synchronized (held) {
      state = State.FLOWING;
      due = new ArrayList<>(held);
      held.clear();
    }
    due.forEach(Runnable::run);
  }
}
