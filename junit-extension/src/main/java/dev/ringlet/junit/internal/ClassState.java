package dev.ringlet.junit.internal;

import java.util.Set;

/**
 * What one test class (or {@code @Nested} class with the same settings) uses: its settings, the
 * cluster it runs on, and the keyspaces its resets cover (empty: every user keyspace).
 */
public record ClassState(ClusterSettings settings, ClusterResource resource, Set<String> resetKeyspaces) {}
