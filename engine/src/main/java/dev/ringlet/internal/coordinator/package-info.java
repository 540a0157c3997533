/**
 * Coordination across replicas (Cassandra's {@code StorageProxy}): statements reach a table through
 * a {@link dev.ringlet.internal.coordinator.CoordinatedTables} source whose stores write to every
 * live replica and wait for the consistency level, read with data and digest requests and repair,
 * store hints for replicas that are down, and keep the schema the same on every node. Replicas
 * answer through {@link dev.ringlet.internal.coordinator.ReplicaService}.
 */
package dev.ringlet.internal.coordinator;
