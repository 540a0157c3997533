package dev.ringlet.internal.standalone;

import dev.ringlet.internal.coordinator.WireCodec;
import dev.ringlet.internal.gossip.AdminCommand;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar ringlet.jar nodetool [--host H] [--port P] COMMAND}: operates one node of a
 * multi-process cluster that runs in another process or container, as Cassandra's {@code nodetool}
 * does over JMX, here over the node's internode port: the command goes as an {@code ADMIN} message
 * and the node answers with the text to print, or an error.
 *
 * <p>The answer comes back on a connection the node opens to this command, as between nodes: the
 * command listens on the local address it uses to reach the node (any free port).
 */
final class NodeTool {

  static final String USAGE = String.join("\n",
      "Usage: java -jar ringlet.jar nodetool [--host HOST] [--port PORT] [--timeout SECS] COMMAND [ARGS]",
      "Operates one node of a multi-process Ringlet cluster through its internode port.",
      "",
      "  --host, -h HOST       the node's internode (listen) address (default 127.0.0.1)",
      "  --port, -p PORT       the node's internode port (default 7000)",
      "  --timeout SECS        how long to wait for the node's answer (default 600)",
      "",
      "Commands:",
      "  status                the nodes as this node sees them (UN, DN, UJ, UL...), per datacenter",
      "  decommission          the node streams its data to the others, leaves the ring and its process exits",
      "  removenode HOST_ID    remove a node the others consider down; the others restore its replicas",
      "  repair [KEYSPACE [TABLE...]]",
      "                        full repair of the node's ranges (every non-system keyspace by default)",
      "",
      "Fault injection (Ringlet's own; the process and its internode port stay up):",
      "  stop | kill           stop the node (kill: without telling the others); its clients are cut off",
      "  start                 start a stopped node again",
      "  pause | resume        hold every message to and from the node / let them flow again",
      "");

  private NodeTool() {}

  /** The parsed command line. */
  record Invocation(InetSocketAddress node, Duration timeout, AdminCommand command) {}

  /**
   * Runs the command line; returns the exit status (0 done, 1 the node refused or could not be
   * reached, 2 bad usage).
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    Invocation invocation;
    try {
      invocation = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("nodetool: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (invocation == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      out.print(call(invocation));
      out.flush();
      return 0;
    } catch (CommandFailed e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** The invocation, or null for {@code --help}. */
  static Invocation parse(List<String> args) {
    String host = "127.0.0.1";
    int port = StandaloneOptions.DEFAULT_INTERNODE_PORT;
    int timeoutSeconds = 600;
    int i = 0;
    for (; i < args.size() && args.get(i).startsWith("-"); i++) {
      String name = args.get(i);
      if (name.equals("--help")) {
        return null;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + ": missing value");
      }
      String value = args.get(++i);
      switch (name) {
        case "--host":
        case "-h":
          host = value;
          break;
        case "--port":
        case "-p":
          port = number(name, value);
          if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a port 1-65535)");
          }
          break;
        case "--timeout":
          timeoutSeconds = number(name, value);
          if (timeoutSeconds < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: at least 1 second)");
          }
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name + " (see --help)");
      }
    }
    if (i >= args.size()) {
      throw new IllegalArgumentException("missing command (expected: status, decommission, removenode or repair)");
    }
    String command = args.get(i);
    List<String> rest = new ArrayList<>(args.subList(i + 1, args.size()));
    switch (command) {
      case "status":
      case "decommission":
      case "stop":
      case "kill":
      case "start":
      case "pause":
      case "resume":
        if (!rest.isEmpty()) {
          throw new IllegalArgumentException(command + " takes no arguments: " + rest);
        }
        break;
      case "removenode":
        if (rest.size() != 1) {
          throw new IllegalArgumentException("removenode takes one host id: " + rest);
        }
        break;
      case "repair":
        break;
      default:
        throw new IllegalArgumentException("unknown command " + command + " (expected: status, decommission, removenode or repair)");
    }
    return new Invocation(new InetSocketAddress(host, port), Duration.ofSeconds(timeoutSeconds), new AdminCommand(command, rest));
  }

  /** A command the node refused, or a node that could not be reached. */
  static final class CommandFailed extends Exception {
    CommandFailed(String message) {
      super(message);
    }
  }

  /** Sends the command and waits for the node's answer. */
  static String call(Invocation invocation) throws CommandFailed {
    InetSocketAddress node = invocation.node();
    if (node.isUnresolved()) {
      throw new CommandFailed("Failed to connect to '" + node.getHostString() + ":" + node.getPort() + "' - UnknownHostException");
    }
    InetAddress local;
    // Fail fast when nothing listens there (the transport would silently drop the message).
    try (Socket probe = new Socket()) {
      probe.connect(node, 5000);
      local = probe.getLocalAddress();
    } catch (IOException e) {
      throw new CommandFailed("Failed to connect to '" + node.getAddress().getHostAddress() + ":" + node.getPort() + "' - "
          + e.getClass().getSimpleName() + ": '" + e.getMessage() + "'.");
    }
    UUID self = UUID.randomUUID();
    TcpTransport transport;
    try {
      transport = new TcpTransport(self, new InetSocketAddress(local, 0), new WireCodec(), null);
    } catch (IOException e) {
      throw new CommandFailed("cannot listen for the node's answer on " + local.getHostAddress() + ": " + e.getMessage());
    }
    try {
      CompletableFuture<Message> answer = new CompletableFuture<>();
      transport.register(self, m -> {
        if (m.response() && m.verb() == Verb.ADMIN) {
          answer.complete(m);
        }
      });
      transport.send(Message.request(1, Verb.ADMIN, self, transport.route(node), invocation.command()));
      Message m = answer.get(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (m.failure()) {
        throw new CommandFailed(String.valueOf(m.payload()));
      }
      return String.valueOf(m.payload());
    } catch (TimeoutException e) {
      throw new CommandFailed("no answer from " + node + " within " + invocation.timeout() + " (expected: a Ringlet node of a"
          + " multi-process cluster listening there, started with --seeds)");
    } catch (ExecutionException e) {
      throw new CommandFailed(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted");
    } finally {
      transport.close();
    }
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": " + value + " (expected: a number)");
    }
  }
}
