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

  /**
   * Makes {@code lost} hear of the requests {@code node} sends that this transport knows it will not
   * deliver: cut off by a partition or a drop rule, or on a connection that could not be opened or
   * broke (on any thread; possibly inside {@link #send}). Messages lost without the transport's
   * knowing (a peer that receives but never answers) are not reported. By default nothing is.
   */
  default void onLost(UUID node, Consumer<Message> lost) {}
}
