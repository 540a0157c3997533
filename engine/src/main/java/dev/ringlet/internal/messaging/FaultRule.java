package dev.ringlet.internal.messaging;

import java.time.Duration;
import java.util.UUID;

/**
 * Drops or delays the messages it matches. A null field matches anything.
 *
 * @param verb the message's verb
 * @param from the sender
 * @param to the recipient
 * @param direction requests, responses, or both (null)
 * @param delay null to drop; otherwise how long (cluster clock) to hold each message
 */
public record FaultRule(Verb verb, UUID from, UUID to, Direction direction, Duration delay) {

  /** Which messages of an exchange a rule applies to. */
  public enum Direction {
    REQUEST,
    RESPONSE
  }

  public boolean matches(Message m) {
    return (verb == null || verb == m.verb())
        && (from == null || from.equals(m.from()))
        && (to == null || to.equals(m.to()))
        && (direction == null || (direction == Direction.RESPONSE) == m.response());
  }

  public boolean drops() {
    return delay == null;
  }
}
