package dev.ringlet.internal.messaging;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries messages between nodes. Sending never blocks for an answer and never fails: a message
 * that cannot be delivered is lost, as on a network, and the sender's timeout deals with it.
 */
public interface Transport {

  /** Makes {@code inbox} receive the messages addressed to {@code node}. */
  void register(UUID node, Consumer<Message> inbox);

  /** Sends a message; it may be delivered on this thread before this returns. */
  void send(Message message);
}
