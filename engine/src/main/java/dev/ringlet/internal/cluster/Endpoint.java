package dev.ringlet.internal.cluster;

import java.util.UUID;

/**
 * One node as the ring sees it: its host id (the identity messages are addressed to), datacenter
 * and rack.
 */
public record Endpoint(UUID hostId, String datacenter, String rack) {}
