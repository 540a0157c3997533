package dev.ringlet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One datacenter of a {@link CassandraCluster}. Multi-node and multi-datacenter clusters arrive with
 * the engine's cluster support; until then only {@code @Datacenter(name = "...")} with one node and
 * one rack can run, and anything else fails the test class with a message saying so.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Datacenter {

  /** The datacenter name, as in {@code system.local.data_center}. */
  String name();

  /** Nodes in this datacenter. Default 1. */
  int nodes() default 1;

  /** Racks the nodes are spread over, named {@code rack1..rackN}. Default 1. */
  int racks() default 1;
}
