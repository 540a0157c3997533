package dev.ringlet.internal.exec.modify;

/**
 * What a write needs at execution: its timestamp (microseconds; from USING TIMESTAMP, the client,
 * or the node) and "now" in seconds for TTL expiry and tombstone times.
 */
public record WriteContext(long timestamp, long nowInSeconds) {}
