/**
 * Ringlet for Testcontainers: {@link dev.ringlet.testcontainers.RingletContainer}, a one-line
 * replacement for the stock {@code CassandraContainer}, and
 * {@link dev.ringlet.testcontainers.RingletClusterContainers}, a group of containers meant to form one
 * multi-node cluster (refused until the engine's TCP cluster transport exists).
 */
package dev.ringlet.testcontainers;
