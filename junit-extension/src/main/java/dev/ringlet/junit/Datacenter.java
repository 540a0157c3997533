package dev.ringlet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One datacenter of a {@link CassandraCluster}: {@code @Datacenter(name = "dc1", nodes = 3)}. Node
 * {@code i} of the datacenter goes in rack {@code i % racks} (racks named {@code rack1..rackN}, or
 * {@link #rackNames()}). The engine decides what it can run: a topology it cannot run yet fails the
 * test class with its message, it is never silently shrunk.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Datacenter {

  /** The datacenter name, as in {@code system.local.data_center}. */
  String name();

  /** Nodes in this datacenter. Default 1. */
  int nodes() default 1;

  /** How many racks the nodes are spread over, named {@code rack1..rackN}. Default 1. Ignored when {@link #rackNames()} is given. */
  int racks() default 1;

  /** The racks by name, in the order nodes are spread over them. Default: {@link #racks()} racks {@code rack1..rackN}. */
  String[] rackNames() default {};

  /**
   * Explicit tokens, Cassandra's {@code initial_token}: entry {@code i} is node {@code i}'s tokens,
   * comma-separated Murmur3 tokens ({@code "-9223372036854775807,0"}), as many as
   * {@link CassandraCluster#numTokens()}; an empty entry, or a node past the end, gets chosen tokens.
   * Default: every node's tokens are chosen for even ownership. E.g.
   * {@code @Datacenter(name = "dc1", nodes = 2, tokens = {"-4611686018427387904", "4611686018427387904"})}
   * with {@code numTokens = 1}.
   */
  String[] tokens() default {};
}
