package dev.ringlet.internal.messaging.tcp;

import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.PayloadCodec;
import dev.ringlet.internal.messaging.Traced;
import dev.ringlet.internal.trace.TraceEvent;
import dev.ringlet.internal.messaging.Transport;
import dev.ringlet.internal.messaging.Verb;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages between processes over TCP, on plain blocking sockets.
 *
 * <p>Each peer gets one outbound connection, opened on first use, with a bounded queue and a writer
 * thread: {@link #send} only encodes and enqueues, so it never blocks. A message that cannot be
 * delivered — the queue is full, the peer is unknown or unreachable, the connection breaks, or its
 * payload has no encoding — is dropped, as on a network; the sender's timeout deals with it. After a
 * failed connection attempt, messages to that peer are dropped at once until a retry delay has
 * passed, then the next message tries again (reconnect). When a peer opens a new connection to this
 * node (it restarted), the connection to it is reopened before the next write, since the old one
 * may be dead without this side knowing.
 *
 * <p>A connection starts with a hello (magic, protocol version, the sender's host id and listen
 * address), so a node learns how to reach a peer that contacted it. Then every frame is one message:
 * {@code int length, long id, byte verb, byte flags, uuid from, uuid to, [trace section], payload}; flags: 1
 * response, 2 failure (the payload is a UTF reason), 4 traced: a request carries its trace session
 * ({@code uuid}), a response the events the replica recorded (see {@link #writeEvents}).
 */
public final class TcpTransport implements Transport, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TcpTransport.class);
  static final int MAGIC = 0x52494e47; // "RING"
  static final int VERSION = 1;
  private static final int QUEUE_CAPACITY = 4096;
  private static final int MAX_FRAME = 256 * 1024 * 1024;
  private static final int CONNECT_TIMEOUT_MILLIS = 2000;
  private static final long RETRY_DELAY_MILLIS = 500;
  private static final Verb[] VERBS = Verb.values();

  private final UUID self;
  private final PayloadCodec codec;
  private final ServerSocket server;
  private final InetSocketAddress advertised;
  private final Map<UUID, Consumer<Message>> inboxes = new ConcurrentHashMap<>();
  /** Who hears of each sender's requests this transport could not deliver ({@link #onLost}). */
  private final Map<UUID, Consumer<Message>> lostHandlers = new ConcurrentHashMap<>();
  private final Map<UUID, InetSocketAddress> addresses = new ConcurrentHashMap<>();
  private final Map<UUID, Outbound> outbound = new ConcurrentHashMap<>();
  private final Set<Socket> inbound = ConcurrentHashMap.newKeySet();
  private final Consumer<UUID> onPeerContact;
  private final java.util.concurrent.atomic.AtomicLong routes = new java.util.concurrent.atomic.AtomicLong();
  private final dev.ringlet.internal.messaging.Faults faults = new dev.ringlet.internal.messaging.Faults();
  private final java.util.concurrent.ScheduledExecutorService delays = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ringlet-internode-delays");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  /**
   * Binds {@code listen} and starts accepting connections.
   *
   * @param onPeerContact told the host id of every peer that opens a connection to this node (may
   *     run on any thread; null for none)
   */
  public TcpTransport(UUID self, InetSocketAddress listen, PayloadCodec codec, Consumer<UUID> onPeerContact) throws IOException {
    this(self, bind(listen), codec, onPeerContact);
  }

  /**
   * Binds {@code listen} (port 0: a free port, reported by {@link ServerSocket#getLocalPort}), for a
   * caller that must know the bound port before it builds the transport (it names the node).
   */
  public static ServerSocket bind(InetSocketAddress listen) throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(listen);
      return server;
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /** Starts accepting connections on {@code server}, bound by {@link #bind}; closing the transport closes it. */
  public TcpTransport(UUID self, ServerSocket server, PayloadCodec codec, Consumer<UUID> onPeerContact) {
    this.self = self;
    this.codec = codec;
    this.onPeerContact = onPeerContact;
    this.server = server;
    this.advertised = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    Thread acceptor = new Thread(this::acceptLoop, "ringlet-internode-accept-" + advertised.getPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The address peers reach this node at. */
  public InetSocketAddress address() {
    return advertised;
  }

  /** Where to reach a peer; replaces what was known (its next connection uses the new address). */
  public void addPeer(UUID peer, InetSocketAddress address) {
    InetSocketAddress old = addresses.put(peer, address);
    if (old != null && !old.equals(address)) {
      Outbound o = outbound.remove(peer);
      if (o != null) {
        o.close();
      }
    }
  }

  /**
   * Forgets a peer that will not be contacted again (a {@code nodetool} command that got its answer):
   * its connection and writer thread go away.
   */
  public void forget(UUID peer) {
    addresses.remove(peer);
    Outbound o = outbound.remove(peer);
    if (o != null) {
      o.close();
    }
  }

  /**
   * A recipient id for "whichever node listens at {@code address}", for a first contact whose host id
   * is not known yet (a seed). Such ids have zero high bits, which no real (name- or random-based)
   * host id has; the receiving transport hands those messages to its one node. A response comes back
   * addressed to the sender's real host id.
   */
  public UUID route(InetSocketAddress address) {
    UUID id = new UUID(0, routes.incrementAndGet());
    addresses.put(id, address);
    return id;
  }

  /**
   * Waits, at most {@code maxMillis}, until every queued message has been handed to its socket (so a
   * goodbye sent just before {@link #close} has a chance to leave).
   */
  public void drain(long maxMillis) {
    long deadline = System.currentTimeMillis() + maxMillis;
    for (Outbound o : outbound.values()) {
      while (!o.queue.isEmpty() && System.currentTimeMillis() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void register(UUID node, Consumer<Message> inbox) {
    inboxes.put(node, inbox);
  }

  @Override
  public void onLost(UUID node, Consumer<Message> lost) {
    lostHandlers.put(node, lost);
  }

  /** Tells the sender of {@code m}, a request, that it will not arrive (responses are not reported). */
  private void lost(Message m) {
    if (closed || m.response()) {
      return;
    }
    Consumer<Message> handler = lostHandlers.get(m.from());
    if (handler != null) {
      handler.accept(m);
    }
  }

  /**
   * The faults this transport applies to every message it sends (the sender's side is enough: every
   * process of a cluster holds the same rules, see {@link Verb#FAULTS}): partitions and drop rules
   * lose messages, delay rules send them that much later (system clock). FAULTS messages pass.
   */
  public dev.ringlet.internal.messaging.Faults faults() {
    return faults;
  }

  @Override
  public void send(Message m) {
    if (closed) {
      return;
    }
    if (m.verb() != Verb.FAULTS) {
      if (faults.separated(m.from(), m.to())) {
        lost(m);
        return;
      }
      dev.ringlet.internal.messaging.FaultRule rule = faults.rule(m);
      if (rule != null) {
        if (rule.drops()) {
          lost(m);
        } else {
          delays.schedule(() -> deliver(m), rule.delay().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return;
      }
    }
    deliver(m);
  }

  private void deliver(Message m) {
    if (closed) {
      return;
    }
    Consumer<Message> local = inboxes.get(m.to());
    if (local != null) {
      local.accept(m);
      return;
    }
    InetSocketAddress to = addresses.get(m.to());
    if (to == null) {
      lost(m); // a peer we cannot reach yet
      return;
    }
    byte[] frame;
    try {
      frame = encode(m, codec);
    } catch (IOException | RuntimeException e) {
      log.warn("dropping {} to {}: {}", m.verb(), m.to(), e.getMessage());
      lost(m);
      return;
    }
    if (!outbound.computeIfAbsent(m.to(), p -> new Outbound(p)).offer(new Frame(m, frame))) {
      lost(m);
    }
  }

  /** Stops accepting, closes every connection and drops what is queued. */
  @Override
  public void close() {
    closed = true;
    delays.shutdownNow();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Outbound o : outbound.values()) {
      o.close();
    }
    outbound.clear();
    for (Socket s : inbound) {
      closeQuietly(s);
    }
  }

  static byte[] encode(Message m, PayloadCodec codec) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0); // the length, filled below
    out.writeLong(m.id());
    out.writeByte(m.verb().ordinal());
    Object payload = m.payload();
    boolean traced = payload instanceof Traced.Request || payload instanceof Traced.Response;
    out.writeByte((m.response() ? 1 : 0) | (m.failure() ? 2 : 0) | (traced ? 4 : 0));
    writeUuid(out, m.from());
    writeUuid(out, m.to());
    if (m.failure()) {
      out.writeUTF(String.valueOf(payload));
    } else {
      if (payload instanceof Traced.Request r) {
        writeUuid(out, r.session());
        payload = r.payload();
      } else if (payload instanceof Traced.Response r) {
        writeEvents(out, r.events());
        payload = r.payload();
      }
      codec.write(payload, out);
    }
    out.flush();
    byte[] frame = bytes.toByteArray();
    int length = frame.length - 4;
    frame[0] = (byte) (length >>> 24);
    frame[1] = (byte) (length >>> 16);
    frame[2] = (byte) (length >>> 8);
    frame[3] = (byte) length;
    return frame;
  }

  /** Decodes a frame's body (after its length). */
  static Message decode(byte[] body, PayloadCodec codec) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
    long id = in.readLong();
    int verb = in.readUnsignedByte();
    if (verb >= VERBS.length) {
      throw new IOException("unknown verb " + verb);
    }
    int flags = in.readUnsignedByte();
    UUID from = readUuid(in);
    UUID to = readUuid(in);
    boolean failure = (flags & 2) != 0;
    boolean response = (flags & 1) != 0;
    Object payload;
    if (failure) {
      payload = in.readUTF();
    } else if ((flags & 4) == 0) {
      payload = codec.read(in);
    } else if (response) {
      List<TraceEvent> events = readEvents(in);
      payload = new Traced.Response(events, codec.read(in));
    } else {
      UUID session = readUuid(in);
      payload = new Traced.Request(session, codec.read(in));
    }
    return new Message(id, VERBS[verb], response, failure, from, to, payload);
  }

  /** A traced response's events: {@code int count}, then each {@code utf activity, byte len + address, int port, long at, long elapsed, utf thread}. */
  private static void writeEvents(DataOutputStream out, List<TraceEvent> events) throws IOException {
    out.writeInt(events.size());
    for (TraceEvent e : events) {
      out.writeUTF(e.activity());
      byte[] address = e.source().getAddress();
      out.writeByte(address.length);
      out.write(address);
      out.writeInt(e.sourcePort());
      out.writeLong(e.atMicros());
      out.writeLong(e.elapsedMicros());
      out.writeUTF(e.thread());
    }
  }

  private static List<TraceEvent> readEvents(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative trace event count " + count);
    }
    List<TraceEvent> events = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      String activity = in.readUTF();
      byte[] address = new byte[in.readUnsignedByte()];
      in.readFully(address);
      events.add(new TraceEvent(activity, InetAddress.getByAddress(address), in.readInt(), in.readLong(), in.readLong(),
          in.readUTF()));
    }
    return events;
  }

  private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static UUID readUuid(DataInputStream in) throws IOException {
    return new UUID(in.readLong(), in.readLong());
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("internode accept failed: {}", e.getMessage());
        }
        continue;
      }
      inbound.add(s);
      Thread reader = new Thread(() -> readLoop(s), "ringlet-internode-in-" + s.getRemoteSocketAddress());
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void readLoop(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        log.warn("internode connection from {} is not a Ringlet node of this version; closed", s.getRemoteSocketAddress());
        return;
      }
      UUID peer = readUuid(in);
      byte[] host = new byte[in.readUnsignedByte()];
      in.readFully(host);
      int port = in.readInt();
      if (!addresses.containsKey(peer)) {
        addresses.put(peer, new InetSocketAddress(InetAddress.getByAddress(host), port));
      }
      // The peer opened a new connection: it restarted, or lost its own. Our connection to it may be
      // dead without our knowing (writes into a closed socket can succeed once): open a fresh one.
      Outbound stale = outbound.get(peer);
      if (stale != null) {
        stale.stale = true;
      }
      if (onPeerContact != null) {
        onPeerContact.accept(peer);
      }
      while (!closed) {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
          throw new IOException("frame of " + length + " bytes");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        Message m;
        try {
          m = decode(body, codec);
        } catch (IOException | RuntimeException e) {
          log.warn("dropping an undecodable message from {}: {}", peer, e.getMessage());
          continue;
        }
        Consumer<Message> inbox = inboxes.get(m.to());
        if (inbox == null && m.to().getMostSignificantBits() == 0 && inboxes.size() == 1) {
          inbox = inboxes.values().iterator().next(); // a first contact: see route()
        }
        if (inbox != null) {
          try {
            inbox.accept(m);
          } catch (RuntimeException e) {
            log.warn("handling {} from {} failed", m.verb(), peer, e);
          }
        }
      }
    } catch (EOFException | SocketException e) {
      // the peer went away
    } catch (IOException e) {
      if (!closed) {
        log.warn("internode connection from {} failed: {}", s.getRemoteSocketAddress(), e.getMessage());
      }
    } finally {
      inbound.remove(s);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** A message queued for a connection, encoded: the message is kept to report it if it is lost. */
  private record Frame(Message message, byte[] bytes) {}

  /** The connection to one peer: a bounded queue drained by its own writer thread. */
  private final class Outbound {
    private final UUID peer;
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile long retryAfterMillis;
    private volatile boolean stopped;
    /** Set when the peer reconnected to us: reconnect before the next write. */
    volatile boolean stale;
    private Socket socket;

    Outbound(UUID peer) {
      this.peer = peer;
      this.writer = new Thread(this::writeLoop, "ringlet-internode-out-" + peer);
      writer.setDaemon(true);
      writer.start();
    }

    /** Queues a frame; false when it is lost at once (the peer was unreachable a moment ago, or the queue is full). */
    boolean offer(Frame frame) {
      if (System.currentTimeMillis() < retryAfterMillis) {
        return false; // unreachable a moment ago: lost without waiting
      }
      return queue.offer(frame);
    }

    void close() {
      stopped = true;
      writer.interrupt();
      Socket s = socket;
      if (s != null) {
        closeQuietly(s);
      }
      queue.clear();
    }

    private void writeLoop() {
      DataOutputStream out = null;
      List<Frame> written = new ArrayList<>();
      while (!stopped && !closed) {
        Frame frame;
        try {
          frame = queue.poll(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (frame == null) {
          continue;
        }
        try {
          if (stale) {
            stale = false;
            Socket s = socket;
            if (s != null) {
              closeQuietly(s);
            }
            socket = null;
            out = null;
          }
          written.clear();
          written.add(frame);
          if (out == null) {
            out = connect();
          }
          out.write(frame.bytes());
          Frame next;
          while ((next = queue.poll()) != null) {
            written.add(next);
            out.write(next.bytes());
          }
          out.flush();
          written.clear(); // handed to the socket: kept no longer
        } catch (IOException e) {
          if (!stopped && !closed) {
            log.debug("internode connection to {} failed: {}", peer, e.getMessage());
          }
          Socket s = socket;
          if (s != null) {
            closeQuietly(s);
          }
          socket = null;
          out = null;
          retryAfterMillis = System.currentTimeMillis() + RETRY_DELAY_MILLIS;
          // what this attempt wrote may not have left, and what waited is dropped: both are lost
          queue.drainTo(written);
          if (!stopped) {
            written.forEach(f -> lost(f.message()));
          }
          written.clear();
        }
      }
      Socket s = socket;
      if (s != null) {
        closeQuietly(s);
      }
    }

    private DataOutputStream connect() throws IOException {
      InetSocketAddress to = addresses.get(peer);
      if (to == null) {
        throw new IOException("no address");
      }
      if (to.isUnresolved()) {
        to = new InetSocketAddress(to.getHostString(), to.getPort()); // a name that did not resolve before: try again
        if (to.isUnresolved()) {
          throw new IOException("cannot resolve " + to.getHostString());
        }
      }
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.connect(to, CONNECT_TIMEOUT_MILLIS);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 * 1024));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeUuid(out, self);
        byte[] host = advertised.getAddress().getAddress();
        out.writeByte(host.length);
        out.write(host);
        out.writeInt(advertised.getPort());
        socket = s;
        if (stopped) {
          closeQuietly(s);
          throw new IOException("closed");
        }
        return out;
      } catch (IOException e) {
        closeQuietly(s);
        throw e;
      }
    }
  }
}
