/**
 * The JUnit Jupiter integration: {@link dev.ringlet.junit.CassandraCluster} on a test class, or
 * {@link dev.ringlet.junit.RingletExtension#forSpec} with {@code @RegisterExtension}. Everything in
 * {@code dev.ringlet.junit.internal} may change without notice.
 */
package dev.ringlet.junit;
