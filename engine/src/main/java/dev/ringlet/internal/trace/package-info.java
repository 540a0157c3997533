/**
 * A node's thread-bound trace state, as 5.0's {@code TraceState}: while a traced request runs on a
 * thread (the coordinator's, or a replica's handling of a traced message), each layer that 5.0
 * traces (messaging, the replica's storage reads and writes) adds its event with the node's own
 * address as source. Depends on nothing of the engine but storage values and time, so that
 * storage wrappers, messaging and execution can all record events.
 */
package dev.ringlet.internal.trace;
