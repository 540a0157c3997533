package dev.ringlet.internal.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network faults of a bus: message rules, partitions (nodes in different groups cannot talk),
 * and paused nodes (whose messages wait until they resume). Thread-safe; {@link #clear} undoes
 * everything.
 */
public final class Faults {

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private volatile List<Set<UUID>> partition = List.of();

  public void add(FaultRule rule) {
    rules.add(rule);
  }

  /** Splits the network: nodes in different groups cannot exchange messages; nodes in no group talk to everyone. */
  public void partition(List<Set<UUID>> groups) {
    List<Set<UUID>> copy = new ArrayList<>();
    for (Set<UUID> g : groups) {
      copy.add(Set.copyOf(g));
    }
    Set<UUID> seen = new HashSet<>();
    for (Set<UUID> g : copy) {
      for (UUID id : g) {
        if (!seen.add(id)) {
          throw new IllegalArgumentException("node " + id + " is in two partition groups (expected: disjoint groups)");
        }
      }
    }
    partition = List.copyOf(copy);
  }

  /** The rules and partition groups in force, to hand to another process (see {@link #replace}). */
  public State state() {
    return new State(List.copyOf(rules), partition);
  }

  /** Puts {@code state}'s rules and partition in force instead of the current ones. */
  public synchronized void replace(State state) {
    partition(state.partition());
    rules.clear();
    rules.addAll(state.rules());
  }

  /** What a {@link Faults} holds: its rules in order and its partition groups. An immutable value. */
  public record State(List<FaultRule> rules, List<Set<UUID>> partition) {
    public State {
      rules = List.copyOf(rules);
      List<Set<UUID>> groups = new ArrayList<>();
      for (Set<UUID> g : partition) {
        groups.add(Set.copyOf(g));
      }
      partition = List.copyOf(groups);
    }
  }

  /** Removes partitions and rules. */
  public void clear() {
    rules.clear();
    partition = List.of();
  }

  public boolean separated(UUID a, UUID b) {
    Set<UUID> ga = group(a);
    Set<UUID> gb = group(b);
    return ga != null && gb != null && ga != gb;
  }

  private Set<UUID> group(UUID node) {
    for (Set<UUID> g : partition) {
      if (g.contains(node)) {
        return g;
      }
    }
    return null;
  }

  /** The first rule matching the message, or null. */
  public FaultRule rule(Message m) {
    for (FaultRule r : rules) {
      if (r.matches(m)) {
        return r;
      }
    }
    return null;
  }
}
