package dev.ringlet.internal.node;

import dev.ringlet.internal.gossip.AdminCommand;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.messaging.Message;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.messaging.tcp.TcpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Operator commands of a multi-process cluster over the internode port ({@link Verb#ADMIN}): what
 * {@code ringlet.jar nodetool} and other processes' member handles ask this process ({@code status},
 * {@code decommission}, {@code removenode}, {@code repair}, {@code stop|kill|start|pause|resume}),
 * and asking another member's process the same.
 */
final class ProcessAdmin {

  private final Node node;
  private final TcpTransport transport;
  private final ClusterContext context;
  private final Executor requests;
  private final ScheduledExecutorService scheduler;
  private final ProcessRoster roster;
  private final ProcessMembership membership;
  private final ProcessLocalNode local;

  /**
   * @param requests runs the commands (they may wait for streams)
   * @param scheduler forgets a nodetool client's connection once answered
   */
  ProcessAdmin(Node node, TcpTransport transport, ClusterContext context, Executor requests, ScheduledExecutorService scheduler,
      ProcessRoster roster, ProcessMembership membership, ProcessLocalNode local) {
    this.node = node;
    this.transport = transport;
    this.context = context;
    this.requests = requests;
    this.scheduler = scheduler;
    this.roster = roster;
    this.membership = membership;
    this.local = local;
  }

  /** Answers an ADMIN request once its command ran (off the messaging thread). */
  Object onAdmin(Message m) {
    AdminCommand command = (AdminCommand) m.payload();
    requests.execute(() -> {
      String answer;
      try {
        answer = run(command);
      } catch (RuntimeException e) {
        node.fail(m, String.valueOf(e.getMessage()));
        return;
      }
      node.reply(m, answer);
      if (!roster.known().containsKey(m.from())) {
        forgetLater(m.from()); // a nodetool command: its connection is not needed once the answer is out
      }
      if (command.name().equals("decommission")) {
        transport.drain(2000); // the answer leaves before the process goes
        local.onLeft().run();
      }
    });
    return null;
  }

  private void forgetLater(UUID peer) {
    try {
      scheduler.schedule(() -> transport.forget(peer), 5, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // stopping anyway
    }
  }

  /** Runs one operator command; returns what {@code nodetool} prints. */
  private String run(AdminCommand c) {
    List<String> args = c.arguments();
    switch (c.name()) {
      case "status":
        requireArguments(c, 0);
        return ProcessStatus.format(statusEntries());
      case "decommission":
        requireArguments(c, 0);
        local.leaveRing();
        return "";
      case "removenode":
        requireArguments(c, 1);
        UUID id;
        try {
          id = UUID.fromString(args.get(0));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Host ID not found.");
        }
        removeNode(id);
        return "";
      case "repair":
        return repair(args);
      case "truncate":
        return Integer.toString(node.truncate(new java.util.LinkedHashSet<>(args)));
      case "stop":
      case "kill":
      case "start":
      case "pause":
      case "resume":
        requireArguments(c, 0);
        local.control(c.name());
        return "";
      default:
        throw new IllegalArgumentException("unknown command " + c.name()
            + " (expected: status, decommission, removenode <host id>, repair [keyspace [tables...]], stop, kill, start, pause,"
            + " resume, truncate [keyspaces...])");
    }
  }

  /**
   * Removes a member that this node considers DOWN ({@code nodetool removenode}): the live members
   * take over its ranges, streaming them from the surviving replicas, and forget it.
   *
   * @throws IllegalArgumentException {@code Host ID not found.} for a node that is not a member
   * @throws UnsupportedOperationException for this process's own node, or a member believed alive
   */
  void removeNode(UUID id) {
    synchronized (local) { // one membership change of this process at a time
      if (id.equals(node.config().hostId())) {
        throw new UnsupportedOperationException("Cannot remove self");
      }
      MemberInfo dead = roster.known().get(id);
      if (dead == null) {
        throw new IllegalArgumentException("Host ID not found.");
      }
      if (node.believesAlive(id)) {
        throw new UnsupportedOperationException("Node /" + dead.nativeAddress().getHostAddress() + ":" + dead.internodePort()
            + " is alive and owns this ID. Use decommission command to remove it from the ring");
      }
      membership.removeNode(dead);
    }
  }

  /**
   * Runs an operator command on another member (its process answers {@link Verb#ADMIN}), waiting
   * up to {@code timeout}.
   *
   * @throws IllegalStateException with the member's error, or when it does not answer
   */
  String remote(UUID member, String name, Duration timeout) {
    return remote(member, name, List.of(), timeout);
  }

  /** {@link #remote(UUID, String, Duration)} with the command's arguments. */
  String remote(UUID member, String name, List<String> arguments, Duration timeout) {
    AtomicReference<Message> answer = new AtomicReference<>();
    node.request(member, Verb.ADMIN, new AdminCommand(name, arguments), answer::set);
    if (!context.time().awaitUntil(() -> answer.get() != null, context.time().nowMillis() + timeout.toMillis())) {
      throw new IllegalStateException(name + ": node " + member + " did not answer within " + timeout
          + " (expected: its process running, reachable on its internode port)");
    }
    if (answer.get().failure()) {
      throw new IllegalStateException(String.valueOf(answer.get().payload()));
    }
    return String.valueOf(answer.get().payload());
  }

  /**
   * Empties every table of the keyspaces on this node and on every other member, asking their
   * processes (stopped nodes too: their process answers), as {@code RingletCluster.truncate} does in
   * one JVM.
   *
   * @return the number of tables emptied on this node
   * @throws IllegalArgumentException for a system keyspace, before any table is emptied
   * @throws IllegalStateException when a member's process does not answer
   */
  int truncate(java.util.Set<String> keyspaces, List<UUID> others, Duration timeout) {
    for (String ks : keyspaces) {
      if (dev.ringlet.internal.exec.ddl.SystemNames.isSystem(ks)) {
        throw new IllegalArgumentException("keyspace: " + ks + " (expected: a user keyspace, not a system one)");
      }
    }
    int tables = node.truncate(keyspaces);
    List<String> arguments = List.copyOf(keyspaces);
    for (UUID member : others) {
      remote(member, "truncate", arguments, timeout);
    }
    return tables;
  }

  private static void requireArguments(AdminCommand c, int count) {
    if (c.arguments().size() != count) {
      throw new IllegalArgumentException(c.name() + ": " + c.arguments().size() + " arguments " + c.arguments() + " (expected: "
          + count + ")");
    }
  }

  /** {@code repair [keyspace [tables...]]}: without a keyspace, every non-system keyspace, as nodetool does. */
  private String repair(List<String> args) {
    List<String> keyspaces = new ArrayList<>();
    if (args.isEmpty()) {
      for (String ks : node.schemaSnapshot().keyspaces().keySet()) {
        if (!dev.ringlet.internal.exec.ddl.SystemNames.isSystem(ks)) {
          keyspaces.add(ks);
        }
      }
      keyspaces.sort(null);
    } else {
      keyspaces.add(args.get(0));
    }
    StringBuilder out = new StringBuilder();
    for (String ks : keyspaces) {
      List<String> tables = args.size() > 1 ? args.subList(1, args.size()) : List.of();
      int written = node.repair(ks, tables);
      out.append("Repair of keyspace ").append(ks).append(" completed successfully: ").append(written)
          .append(" partition copies written to replicas that differed\n");
    }
    return out.toString();
  }

  /** Every member as {@code nodetool status} lists it. */
  private List<ProcessStatus.Entry> statusEntries() {
    List<ProcessStatus.Entry> out = new ArrayList<>();
    Set<UUID> leaving = context.leaving();
    for (MemberInfo m : roster.known().values()) {
      if (roster.hasLeft(m.hostId())) {
        continue;
      }
      out.add(new ProcessStatus.Entry(m, node.believesAlive(m.hostId()),
          leaving.contains(m.hostId()) ? ProcessStatus.State.LEAVING : ProcessStatus.State.NORMAL));
    }
    for (MemberInfo m : membership.joining()) {
      out.add(new ProcessStatus.Entry(m, node.believesAlive(m.hostId()), ProcessStatus.State.JOINING));
    }
    return out;
  }
}
