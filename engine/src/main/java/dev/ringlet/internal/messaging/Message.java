package dev.ringlet.internal.messaging;

import java.util.UUID;

/**
 * One message between two nodes, immutable.
 *
 * @param id unique per sender; a response carries the id of the request it answers
 * @param verb the request's verb (also on its response)
 * @param response true for an answer to a request
 * @param failure true for a response saying the request failed on the replica
 * @param from the sender's host id
 * @param to the recipient's host id
 * @param payload an immutable value (a record of the verb's own type)
 */
public record Message(long id, Verb verb, boolean response, boolean failure, UUID from, UUID to, Object payload) {

  public static Message request(long id, Verb verb, UUID from, UUID to, Object payload) {
    return new Message(id, verb, false, false, from, to, payload);
  }

  /** The answer to this request. */
  public Message reply(Object answer) {
    return new Message(id, verb, true, false, to, from, answer);
  }

  /** A failure answer to this request. */
  public Message fail(String reason) {
    return new Message(id, verb, true, true, to, from, reason);
  }
}
