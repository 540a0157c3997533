/**
 * Query tracing as Cassandra 5.0 records it: a traced request's session and events written as rows
 * of {@code system_traces.sessions} and {@code system_traces.events}, which drivers poll.
 */
package dev.ringlet.internal.exec.trace;
