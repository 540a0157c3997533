package dev.ringlet.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Drops or delays the inter-node messages it matches; add it with {@link RingletCluster#addRule}.
 * Immutable; unset criteria match everything: {@code MessageRule.drop().verb(MessageVerb.MUTATION).to(node)}
 * drops every write sent to {@code node}. A delayed message is delivered when the cluster clock has
 * moved by the delay ({@link RingletCluster#advanceClock} with a manual clock).
 */
public final class MessageRule {

  /** Which messages of a request/response exchange a rule applies to. */
  public enum Direction {
    /** Requests only. */
    REQUEST,
    /** Responses only. */
    RESPONSE,
    /** Both. */
    BOTH
  }

  private final MessageVerb verb;
  private final RingletNode from;
  private final RingletNode to;
  private final Direction direction;
  private final Duration delay;

  private MessageRule(MessageVerb verb, RingletNode from, RingletNode to, Direction direction, Duration delay) {
    this.verb = verb;
    this.from = from;
    this.to = to;
    this.direction = Objects.requireNonNull(direction, "direction");
    if (delay != null && delay.isNegative()) {
      throw new IllegalArgumentException("delay: " + delay + " (expected: not negative)");
    }
    this.delay = delay;
  }

  /** A rule that loses every message (until narrowed). */
  public static MessageRule drop() {
    return new MessageRule(null, null, null, Direction.BOTH, null);
  }

  /** A rule that holds every message for {@code delay} (until narrowed). */
  public static MessageRule delay(Duration delay) {
    return new MessageRule(null, null, null, Direction.BOTH, Objects.requireNonNull(delay, "delay"));
  }

  /** Only messages of this verb. */
  public MessageRule verb(MessageVerb newVerb) {
    return new MessageRule(newVerb, from, to, direction, delay);
  }

  /** Only messages sent by this node. */
  public MessageRule from(RingletNode node) {
    return new MessageRule(verb, node, to, direction, delay);
  }

  /** Only messages sent to this node. */
  public MessageRule to(RingletNode node) {
    return new MessageRule(verb, from, node, direction, delay);
  }

  /** Only requests, or only responses. */
  public MessageRule direction(Direction newDirection) {
    return new MessageRule(verb, from, to, newDirection, delay);
  }

  /** The verb matched, or null for any. */
  public MessageVerb verb() {
    return verb;
  }

  /** The sender matched, or null for any. */
  public RingletNode from() {
    return from;
  }

  /** The recipient matched, or null for any. */
  public RingletNode to() {
    return to;
  }

  public Direction direction() {
    return direction;
  }

  /** The delay, or null when the rule drops. */
  public Duration delay() {
    return delay;
  }
}
