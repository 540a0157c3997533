package dev.ringlet.internal.gossip;

/**
 * The payload of a GOSSIP exchange, both ways.
 *
 * @param generation when the sender last started (clock millis): a new one means it restarted
 * @param version the sender's heartbeat counter, increasing within a generation
 * @param schemaEpoch the number of schema changes the sender has seen
 * @param schemaVersion the sender's schema version
 */
public record Heartbeat(long generation, long version, long schemaEpoch, java.util.UUID schemaVersion) {}
