package dev.ringlet.internal.messaging;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** How 5.0's messaging trace events name verbs and sizes. */
final class MessageTraces {

  /** A frame's fixed part over TCP: length, id, verb, flags, sender and recipient host ids. */
  private static final int HEADER_BYTES = 4 + 8 + 1 + 1 + 16 + 16;

  private MessageTraces() {}

  /** 5.0's name of the request verb: {@code READ_REQ}, {@code MUTATION_REQ}, {@code RANGE_REQ}, ... */
  static String requestVerb(Verb verb) {
    return base(verb) + "_REQ";
  }

  /** 5.0's name of the response verb: {@code READ_RSP}, {@code MUTATION_RSP}, {@code RANGE_RSP}, ... */
  static String responseVerb(Verb verb) {
    return base(verb) + "_RSP";
  }

  /**
   * What 5.0's replica records before it answers a request: "Enqueuing response to" (reads,
   * mutations), "Enqueuing acknowledge to" (a Paxos commit), nothing (a Paxos prepare or propose).
   */
  static String enqueuing(Verb verb) {
    switch (verb) {
      case PAXOS_PREPARE:
      case PAXOS_PROPOSE:
        return null;
      case PAXOS_COMMIT:
        return "Enqueuing acknowledge to ";
      default:
        return "Enqueuing response to ";
    }
  }

  private static String base(Verb verb) {
    return verb == Verb.RANGE_READ ? "RANGE" : verb.name();
  }

  /** The message's size as the TCP transport frames it (0 for the payload when the codec cannot encode it). */
  static int size(Object payload, PayloadCodec codec) {
    if (codec == null) {
      return HEADER_BYTES;
    }
    int[] count = new int[1];
    OutputStream counting = new OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    };
    try {
      codec.write(payload, new DataOutputStream(counting));
    } catch (IOException | RuntimeException e) {
      return HEADER_BYTES;
    }
    return HEADER_BYTES + count[0];
  }
}
