package dev.ringlet.internal.messaging.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.PayloadCodec;
import dev.ringlet.internal.messaging.Verb;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

  /** Strings only; anything else has no encoding. */
  private static final PayloadCodec STRINGS = new PayloadCodec() {
    @Override
    public void write(Object payload, DataOutput out) throws IOException {
      if (!(payload instanceof String)) {
        throw new IllegalArgumentException("no wire encoding for " + payload);
      }
      out.writeUTF((String) payload);
    }

    @Override
    public Object read(DataInput in) throws IOException {
      return in.readUTF();
    }
  };

  private static final long WAIT_SECONDS = 10;
  private final UUID a = new UUID(0, 1);
  private final UUID b = new UUID(0, 2);

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Test
  void frames_should_round_trip_requests_responses_and_failures() throws IOException {
    Message request = Message.request(42, Verb.READ, a, b, "payload");
    for (Message m : new Message[] {request, request.reply("answer"), request.fail("it broke")}) {
      byte[] frame = TcpTransport.encode(m, STRINGS);
      byte[] body = java.util.Arrays.copyOfRange(frame, 4, frame.length);
      assertThat(java.nio.ByteBuffer.wrap(frame).getInt()).isEqualTo(body.length);
      assertThat(TcpTransport.decode(body, STRINGS)).isEqualTo(m);
    }
  }

  @Test
  void frames_should_carry_a_traced_request_session_and_a_traced_response_events() throws IOException {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    Message request = Message.request(7, Verb.READ, a, b, new dev.ringlet.internal.messaging.Traced.Request(session, "ask"));
    dev.ringlet.internal.trace.TraceEvent event = new dev.ringlet.internal.trace.TraceEvent(
        "READ_REQ message received from /127.0.0.1:7000", InetAddress.getByName("127.0.0.2"), 7000, 1_700_000_000_000_123L,
        42, "ringlet-io-1");
    Message response = request.reply(new dev.ringlet.internal.messaging.Traced.Response(java.util.List.of(event), "answer"));
    for (Message m : java.util.List.of(request, response)) {
      byte[] frame = TcpTransport.encode(m, STRINGS);
      byte[] body = java.util.Arrays.copyOfRange(frame, 4, frame.length);
      assertThat(TcpTransport.decode(body, STRINGS)).isEqualTo(m);
    }
  }

  @Test
  void partitions_and_drop_rules_should_lose_what_the_sender_sends_but_never_faults_messages() throws Exception {
    BlockingQueue<Message> inboxB = new LinkedBlockingQueue<>();
    try (TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null);
        TcpTransport tb = new TcpTransport(b, loopback(), STRINGS, null)) {
      tb.register(b, inboxB::add);
      ta.addPeer(b, tb.address());
      ta.faults().partition(java.util.List.of(java.util.Set.of(a), java.util.Set.of(b)));
      ta.send(Message.request(1, Verb.MUTATION, a, b, "partitioned"));
      ta.send(Message.request(2, Verb.FAULTS, a, b, "faults pass"));
      ta.faults().clear();
      ta.faults().add(new dev.ringlet.internal.messaging.FaultRule(Verb.MUTATION, null, b,
          dev.ringlet.internal.messaging.FaultRule.Direction.REQUEST, null));
      ta.send(Message.request(3, Verb.MUTATION, a, b, "dropped by the rule"));
      ta.send(Message.request(4, Verb.MUTATION, b, a, "x").reply("a response passes"));
      ta.send(Message.request(5, Verb.READ, a, b, "another verb passes"));
      // One connection delivers in order: had 1 or 3 been sent, they would come before 2, 4 and 5.
      assertThat(inboxB.poll(WAIT_SECONDS, TimeUnit.SECONDS).payload()).isEqualTo("faults pass");
      assertThat(inboxB.poll(WAIT_SECONDS, TimeUnit.SECONDS).payload()).isEqualTo("a response passes");
      assertThat(inboxB.poll(WAIT_SECONDS, TimeUnit.SECONDS).payload()).isEqualTo("another verb passes");
    }
  }

  @Test
  void messages_should_travel_both_ways_and_the_contacted_side_should_learn_the_sender() throws Exception {
    BlockingQueue<Message> inboxA = new LinkedBlockingQueue<>();
    BlockingQueue<Message> inboxB = new LinkedBlockingQueue<>();
    BlockingQueue<UUID> contacts = new LinkedBlockingQueue<>();
    try (TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null);
        TcpTransport tb = new TcpTransport(b, loopback(), STRINGS, contacts::add)) {
      ta.register(a, inboxA::add);
      tb.register(b, inboxB::add);
      ta.addPeer(b, tb.address());
      for (int i = 0; i < 100; i++) {
        ta.send(Message.request(i, Verb.MUTATION, a, b, "m" + i));
      }
      for (int i = 0; i < 100; i++) {
        Message m = inboxB.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(m).isEqualTo(Message.request(i, Verb.MUTATION, a, b, "m" + i)); // in order, per connection
      }
      assertThat(contacts.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(a);
      // b never had a's address: the hello told it.
      tb.send(Message.request(7, Verb.GOSSIP, a, b, "x").reply("pong"));
      Message reply = inboxA.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(reply.response()).isTrue();
      assertThat(reply.payload()).isEqualTo("pong");
      assertThat(reply.from()).isEqualTo(b);
    }
  }

  @Test
  void a_payload_without_encoding_is_dropped_and_later_messages_still_flow() throws Exception {
    BlockingQueue<Message> inboxB = new LinkedBlockingQueue<>();
    try (TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null);
        TcpTransport tb = new TcpTransport(b, loopback(), STRINGS, null)) {
      tb.register(b, inboxB::add);
      ta.addPeer(b, tb.address());
      ta.send(Message.request(1, Verb.MUTATION, a, b, 12345L));
      ta.send(Message.request(2, Verb.MUTATION, a, b, "fine"));
      Message m = inboxB.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(m.id()).isEqualTo(2);
      assertThat(inboxB).isEmpty();
    }
  }

  @Test
  void sending_to_an_unreachable_peer_returns_at_once_and_reconnects_when_it_appears() throws Exception {
    // The peer's port is held by a bound socket that does not listen (connections are refused, and no
    // other process can take it) until the peer binds it.
    java.net.Socket held = new java.net.Socket();
    held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    InetSocketAddress dead = new InetSocketAddress(InetAddress.getLoopbackAddress(), held.getLocalPort());
    BlockingQueue<Message> inboxB = new LinkedBlockingQueue<>();
    try (held; TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null)) {
      ta.addPeer(b, dead);
      // Never blocks: 10,000 sends to nobody are only enqueued (bounded queue) or dropped; a send that
      // waited for the connection would take 10,000 connect attempts.
      for (int i = 0; i < 10_000; i++) {
        ta.send(Message.request(i, Verb.MUTATION, a, b, "lost"));
      }
      held.close();
      try (TcpTransport tb = new TcpTransport(b, dead, STRINGS, null)) {
        tb.register(b, inboxB::add);
        // Retries until a message gets through: the transport reconnects on its own.
        Message got = null;
        for (int i = 0; got == null && i < 200; i++) {
          ta.send(Message.request(100_000 + i, Verb.MUTATION, a, b, "hello"));
          got = inboxB.poll(100, TimeUnit.MILLISECONDS);
        }
        assertThat(got).isNotNull();
        assertThat(got.payload()).isIn("hello", "lost");
      }
    }
  }

  @Test
  void requests_it_cannot_deliver_should_be_reported_lost_to_their_sender_and_responses_never() throws Exception {
    // A peer whose port refuses connections (bound, not listening), and one cut off by a partition
    java.net.Socket held = new java.net.Socket();
    held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    InetSocketAddress refusing = new InetSocketAddress(InetAddress.getLoopbackAddress(), held.getLocalPort());
    UUID c = new UUID(0, 3);
    BlockingQueue<Long> lost = new LinkedBlockingQueue<>();
    try (held; TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null);
        TcpTransport tc = new TcpTransport(c, loopback(), STRINGS, null)) {
      ta.onLost(a, m -> lost.add(m.id()));
      ta.addPeer(b, refusing);
      ta.addPeer(c, tc.address());
      ta.faults().partition(java.util.List.of(java.util.Set.of(a), java.util.Set.of(c)));

      ta.send(Message.request(1, Verb.SCHEMA_PUSH, a, c, "cut off"));
      ta.send(Message.request(2, Verb.SCHEMA_PUSH, a, b, "refused"));
      ta.send(Message.request(3, Verb.SCHEMA_PUSH, a, new UUID(0, 9), "no address"));
      ta.send(Message.request(4, Verb.GOSSIP, b, a, "x").reply("a response")); // lost too, but nobody waits for it

      // reported on the sending thread (the partition, the unknown peer) or the connection's (the refusal)
      java.util.Set<Long> reported = new java.util.HashSet<>();
      while (reported.size() < 3) {
        reported.add(lost.poll(WAIT_SECONDS, TimeUnit.SECONDS));
      }
      assertThat(reported).containsExactlyInAnyOrder(1L, 2L, 3L);
      assertThat(lost).isEmpty();
    }
  }

  @Test
  void messages_to_self_are_delivered_locally_and_to_unknown_peers_are_lost() throws Exception {
    BlockingQueue<Message> inboxA = new LinkedBlockingQueue<>();
    try (TcpTransport ta = new TcpTransport(a, loopback(), STRINGS, null)) {
      ta.register(a, inboxA::add);
      ta.send(Message.request(1, Verb.MUTATION, a, a, "me"));
      ta.send(Message.request(2, Verb.MUTATION, a, b, "nobody"));
      assertThat(inboxA.poll()).isEqualTo(Message.request(1, Verb.MUTATION, a, a, "me"));
    }
  }
}
